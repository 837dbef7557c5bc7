namespace Fulfilment.Warehouse;

/// <summary>
/// The result of a Warehouse operation: what happened (<see cref="Kind"/>), the job as it now stands (null when
/// there is none, when the input was invalid before a job was read, and for a caller refused the job: it is not
/// shown to someone who may not work it), whether this call wrote the job
/// (<see cref="Changed"/>: false for an idempotent repeat and for every refusal), and a human-readable reason for
/// refusals and repeats.
/// </summary>
public sealed record PickingJobOutcome(PickingOutcomeKind Kind, PickingJob? Job, bool Changed, string? Reason)
{
    /// <summary>True for the success kinds (including idempotent repeats).</summary>
    public bool Succeeded => Kind is PickingOutcomeKind.Created or PickingOutcomeKind.Started or PickingOutcomeKind.Packed
        or PickingOutcomeKind.ShortPicked or PickingOutcomeKind.Cancelled or PickingOutcomeKind.ReadyForShipping;

    /// <summary>A transition that was applied: the store writes <paramref name="job"/>.</summary>
    public static PickingJobOutcome Applied(PickingOutcomeKind kind, PickingJob job) => new(kind, job, Changed: true, null);

    /// <summary>The operation had already been done with the same input: nothing is written.</summary>
    public static PickingJobOutcome Repeated(PickingOutcomeKind kind, PickingJob job, string reason) => new(kind, job, Changed: false, reason);

    public static PickingJobOutcome NotFound(Guid orderId) =>
        new(PickingOutcomeKind.NotFound, null, Changed: false, $"no picking job for order {orderId:D}");

    public static PickingJobOutcome Conflict(PickingJob job, string reason) => new(PickingOutcomeKind.Conflict, job, Changed: false, reason);

    public static PickingJobOutcome Illegal(PickingJob job, string reason) =>
        new(PickingOutcomeKind.IllegalTransition, job, Changed: false, reason);

    public static PickingJobOutcome Invalid(string reason, PickingJob? job = null) =>
        new(PickingOutcomeKind.Invalid, job, Changed: false, reason);

    /// <summary>The caller may not work this job (the job itself is not returned).</summary>
    public static PickingJobOutcome Forbidden(string reason) => new(PickingOutcomeKind.Forbidden, null, Changed: false, reason);
}
