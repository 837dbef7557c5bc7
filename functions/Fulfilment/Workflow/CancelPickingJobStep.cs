using Fulfilment.Contracts;
using Fulfilment.Warehouse;

namespace Fulfilment.Workflow;

/// <summary>
/// Compensation of step 2: cancel the picking job — and, at the picking timeout, the step that decides how the order
/// ends from the job as stored. Idempotent; a job that is already PACKED or that does not exist is reported, not an
/// error (there is nothing left to cancel). The result says what the job was: a short pick it holds (SHORT, cancelled
/// now or before: the cancelled job keeps it), or its packing (PACKED: not cancelled). The fields after
/// <see cref="Result.Detail"/> are optional, so histories recorded before them replay (missing: nothing known).
/// </summary>
public sealed class CancelPickingJobStep(PickingJobHandler pickingJobs) : IWorkflowStep<CancelPickingJobStep.Request, CancelPickingJobStep.Result>
{
    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancelled = await pickingJobs.CancelAsync(request.OrderId, request.Reason, cancellationToken);
        var job = cancelled.Job;
        return cancelled.Kind switch
        {
            PickingOutcomeKind.Cancelled => new Result(true, "cancelled", JobStatus: Wire(job), ShortPick: ShortPickOf(job)),
            PickingOutcomeKind.IllegalTransition when job is { Status: PickingJobStatus.Packed } => new Result(
                false, cancelled.Reason ?? cancelled.Kind.ToString(), JobStatus: Wire(job), Packed: new OrderPacked(job.OrderId, job.PackedAt!.Value, job.JobId, job.ParcelCount)),
            PickingOutcomeKind.NotFound or PickingOutcomeKind.IllegalTransition => new Result(false, cancelled.Reason ?? cancelled.Kind.ToString(), JobStatus: Wire(job)),
            _ => throw new InvalidOperationException($"Cancelling the picking job of order {request.OrderId:D}: {cancelled.Kind} ({cancelled.Reason})"),
        };
    }

    private static string? Wire(PickingJob? job) => job is null ? null : PickingJob.Wire(job.Status);

    private static OrderShortPicked? ShortPickOf(PickingJob? job) =>
        job is { ShortPick: { } s } ? new OrderShortPicked(job.OrderId, job.JobId, s.ProductId, s.Requested, s.Picked, s.Reason, s.ReportedAt) : null;

    public sealed record Request(Guid OrderId, string Reason);

    /// <param name="Cancelled">True when the job is cancelled (now, or by an earlier call).</param>
    /// <param name="Detail">For the timeline.</param>
    /// <param name="JobStatus">The job's status after the call (CANCELLED, PACKED…); null when there is no job, or in older histories.</param>
    /// <param name="ShortPick">The short pick the job holds (it was SHORT), as order-short-picked would have carried it.</param>
    /// <param name="Packed">The job's packing (it was PACKED), as order-packed would have carried it.</param>
    public sealed record Result(bool Cancelled, string Detail, string? JobStatus = null, OrderShortPicked? ShortPick = null, OrderPacked? Packed = null);
}
