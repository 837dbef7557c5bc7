using System.Collections.Immutable;

namespace Fulfilment.Workflow;

/// <summary>
/// What <c>GET /api/fulfilments/{orderId}</c> shows: the workflow sets it (Durable custom status) after every
/// step and event. Immutable: each change makes a new value, so a published status never changes under a reader.
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
    string? Reason = null)
{
    public static FulfilmentStatus Begin(Guid orderId) =>
        new(orderId, WorkflowStage.LinkingReservation, ImmutableList<TimelineEntry>.Empty);

    public bool IsFinished => Outcome is not null;

    public FulfilmentStatus Record(string name, DateTimeOffset at, string? detail = null) =>
        this with { Timeline = Timeline.Add(new TimelineEntry(name, at, detail)) };

    public FulfilmentStatus Finish(FulfilmentOutcome outcome, DateTimeOffset at, string? reason) =>
        Record(outcome.ToString(), at, reason) with { Stage = WorkflowStage.Finished, Outcome = outcome, Reason = reason };
}
