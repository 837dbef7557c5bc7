using System.Collections.Immutable;

namespace Fulfilment.Workflow;

/// <summary>
/// What <c>GET /api/fulfilments/{orderId}</c> shows: the orchestration sets it as its Durable custom status after
/// every step and event. Bounded whatever an order receives (Durable fails an orchestration whose custom status
/// passes 16 KB): the timeline keeps the last <see cref="MaxTimelineEntries"/> entries, details are cut to
/// <see cref="MaxDetailLength"/> characters, and events that change nothing are only counted.
/// <see cref="WaitingUntil"/> is set while the orchestration is parked in a wait (its deadline); the counters tell
/// the Durable work the order took (events received, activities called, timers created).
/// </summary>
public sealed record FulfilmentStatus(
    Guid OrderId,
    WorkflowStage Stage,
    ImmutableList<TimelineEntry> Timeline,
    Guid? ReservationId = null,
    Guid? PickingJobId = null,
    Guid? ShipmentId = null,
    string? TrackingNumber = null,
    FulfilmentOutcome? Outcome = null,
    string? Reason = null,
    DateTimeOffset? WaitingUntil = null,
    int EventsReceived = 0,
    int EventsIgnored = 0,
    int ActivitiesCalled = 0,
    int TimersCreated = 0,
    int TimelineEntriesDropped = 0)
{
    public const int MaxTimelineEntries = 40;
    public const int MaxDetailLength = 300;

    public static FulfilmentStatus Begin(Guid orderId) =>
        new(orderId, WorkflowStage.LinkingReservation, ImmutableList<TimelineEntry>.Empty);

    public bool IsFinished => Outcome is not null;

    public FulfilmentStatus Record(string name, DateTimeOffset at, string? detail = null)
    {
        var entry = new TimelineEntry(name, at, detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] + "…" : detail);
        return Timeline.Count < MaxTimelineEntries
            ? this with { Timeline = Timeline.Add(entry) }
            : this with { Timeline = Timeline.RemoveAt(0).Add(entry), TimelineEntriesDropped = TimelineEntriesDropped + 1 };
    }

    public FulfilmentStatus Finish(FulfilmentOutcome outcome, DateTimeOffset at, string? reason) =>
        Record(outcome.ToString(), at, reason) with { Stage = WorkflowStage.Finished, Outcome = outcome, Reason = reason, WaitingUntil = null };
}
