using Fulfilment.Warehouse;

namespace Fulfilment.Workflow;

/// <summary>
/// Compensation of step 2: cancel the picking job. Idempotent; a job that is already PACKED or that does not
/// exist is reported, not an error (there is nothing left to cancel).
/// </summary>
public sealed class CancelPickingJobStep(PickingJobHandler pickingJobs) : IWorkflowStep<CancelPickingJobStep.Request, CancelPickingJobStep.Result>
{
    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancelled = await pickingJobs.CancelAsync(request.OrderId, request.Reason, cancellationToken);
        return cancelled.Kind switch
        {
            PickingOutcomeKind.Cancelled => new Result(true, "cancelled"),
            PickingOutcomeKind.NotFound or PickingOutcomeKind.IllegalTransition => new Result(false, cancelled.Reason ?? cancelled.Kind.ToString()),
            _ => throw new InvalidOperationException($"Cancelling the picking job of order {request.OrderId:D}: {cancelled.Kind} ({cancelled.Reason})"),
        };
    }

    public sealed record Request(Guid OrderId, string Reason);

    public sealed record Result(bool Cancelled, string Detail);
}
