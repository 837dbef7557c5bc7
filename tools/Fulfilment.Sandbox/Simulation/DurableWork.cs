using Fulfilment.Workflow;

namespace Fulfilment.Sandbox.Simulation;

/// <summary>
/// The Durable actions of a set of orchestrations, from their statuses: activities called, timers created, events
/// received. Their sum per order is what an order costs the Durable backend (each action is a history event and
/// a queue message there).
/// </summary>
public sealed class DurableWork
{
    public int Orders { get; private set; }

    public long Activities { get; private set; }

    public long Timers { get; private set; }

    public long Events { get; private set; }

    public void Add(FulfilmentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        Orders++;
        Activities += status.ActivitiesCalled;
        Timers += status.TimersCreated;
        Events += status.EventsReceived;
    }

    /// <summary>Per order: activities, timers, events and their total (0 when there were no orders).</summary>
    public (double Activities, double Timers, double Events, double Total) PerOrder() =>
        Orders == 0
            ? (0, 0, 0, 0)
            : (Per(Activities), Per(Timers), Per(Events), Per(Activities + Timers + Events));

    private double Per(long count) => Math.Round(count / (double)Orders, 2);
}
