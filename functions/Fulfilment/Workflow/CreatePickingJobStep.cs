using Fulfilment.Contracts;
using Fulfilment.Warehouse;

namespace Fulfilment.Workflow;

/// <summary>Step 2: create the picking job from the reservation's items (one job per order: a repeat returns it).</summary>
public sealed class CreatePickingJobStep(PickingJobHandler pickingJobs) : IWorkflowStep<CreatePickingJobStep.Request, CreatePickingJobStep.Result>
{
    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await pickingJobs.CreateAsync(request.OrderId, request.Items, cancellationToken);
        return created is { Kind: PickingOutcomeKind.Created, Job: { } job }
            ? new Result(job.JobId)
            : throw new InvalidOperationException($"No picking job for order {request.OrderId:D}: {created.Kind} ({created.Reason})");
    }

    public sealed record Request(Guid OrderId, IReadOnlyList<LineItem> Items);

    public sealed record Result(Guid PickingJobId);
}
