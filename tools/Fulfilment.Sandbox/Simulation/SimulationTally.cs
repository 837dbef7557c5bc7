using Fulfilment.Workflow;

namespace Fulfilment.Sandbox.Simulation;

/// <summary>What the finished waves came to: orders per terminal status and the Durable work their orchestrations did.</summary>
public sealed partial class SimulationTally
{
    /// <summary>Status of an order whose cart could not be reserved (no workflow ever started).</summary>
    public const string NotReserved = "NotReserved";

    /// <summary>Status of an order whose workflow had not finished when its wave was done (must stay 0).</summary>
    public const string StillRunning = "StillRunning";

    private readonly SortedDictionary<string, int> byStatus = new(StringComparer.Ordinal);

    private readonly SortedDictionary<string, int> reasons = new(StringComparer.Ordinal);

    private long cancellationsSent;

    private long carrierFailuresSent;

    public IReadOnlyDictionary<string, int> ByStatus => byStatus;

    /// <summary>Why orders did not complete: "Outcome: reason", counted.</summary>
    public IReadOnlyDictionary<string, int> Reasons => reasons;

    /// <summary>Activities the finished workflows called.</summary>
    public long WorkflowSteps { get; private set; }

    public int Workflows { get; private set; }

    /// <summary>Durable work (activities, timers, events) of the delivered orders, and of the failed or cancelled ones.</summary>
    public DurableWork Delivered { get; } = new();

    public DurableWork NotDelivered { get; } = new();

    /// <summary>order-cancelled messages ordering sent (chaos: cancellations).</summary>
    public long CancellationsSent => Interlocked.Read(ref cancellationsSent);

    /// <summary>shipment-failed callbacks the carrier sent (chaos: carrier failures).</summary>
    public long CarrierFailuresSent => Interlocked.Read(ref carrierFailuresSent);

    public void OnCancellationSent() => Interlocked.Increment(ref cancellationsSent);

    public void OnCarrierFailureSent() => Interlocked.Increment(ref carrierFailuresSent);

    /// <summary>Counts a finished wave: each order's terminal status (from its orchestration's status, if it has one).</summary>
    public void Record(IEnumerable<SimulatedOrder> wave, IReadOnlyDictionary<Guid, FulfilmentStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var order in wave)
        {
            var status = statuses.GetValueOrDefault(order.OrderId);
            var name = status is null ? NotReserved : status.Outcome?.ToString() ?? StillRunning;
            byStatus[name] = byStatus.GetValueOrDefault(name) + 1;
            if (status is { Outcome: not null and not FulfilmentOutcome.Completed })
            {
                var reason = $"{status.Outcome}: {Ids().Replace(status.Reason ?? "", "…")}";
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }

            if (status is not null)
            {
                Workflows++;
                WorkflowSteps += status.ActivitiesCalled;
                (status.Outcome == FulfilmentOutcome.Completed ? Delivered : NotDelivered).Add(status);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex Ids();
}
