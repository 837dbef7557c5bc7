using Fulfilment.Workflow;

namespace Fulfilment.Functions.Workflow;

/// <summary>
/// The body of <c>GET /api/fulfilments/{orderId}</c>: the order's <see cref="FulfilmentStatus"/> (stage, timeline, the
/// ids the workflow learnt, outcome and reason once finished, the deadline of the wait it is parked in, its counters)
/// and where its Durable instance is (<c>Running</c>, <c>Completed</c>, <c>Faulted</c> with the engine's error). Stage,
/// outcome and instance state are the names docs/workflow.md lists (the stage as fulfilment-failed's <c>stage</c>
/// carries it), not upper-case words.
/// </summary>
public sealed record FulfilmentView(
    Guid OrderId,
    string Stage,
    IReadOnlyList<TimelineEntry> Timeline,
    Guid? ReservationId,
    Guid? PickingJobId,
    Guid? ShipmentId,
    string? TrackingNumber,
    string? Outcome,
    string? Reason,
    DateTimeOffset? WaitingUntil,
    FulfilmentView.WorkCounters Counters,
    string Instance,
    string? Fault)
{
    public static FulfilmentView Of(FulfilmentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var status = snapshot.Status;
        return new FulfilmentView(
            status.OrderId,
            status.Stage.ToString(),
            status.Timeline,
            status.ReservationId,
            status.PickingJobId,
            status.ShipmentId,
            status.TrackingNumber,
            status.Outcome?.ToString(),
            status.Reason,
            status.WaitingUntil,
            new WorkCounters(status.EventsReceived, status.EventsIgnored, status.ActivitiesCalled, status.TimersCreated, status.TimelineEntriesDropped),
            snapshot.State.ToString(),
            snapshot.Fault);
    }

    /// <summary>The Durable work the order took so far, and how many old timeline entries were dropped to keep the status bounded.</summary>
    public sealed record WorkCounters(int EventsReceived, int EventsIgnored, int ActivitiesCalled, int TimersCreated, int TimelineEntriesDropped);
}
