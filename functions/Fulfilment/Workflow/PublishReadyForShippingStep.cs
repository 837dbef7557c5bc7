using Fulfilment.Contracts;
using Fulfilment.Warehouse;

namespace Fulfilment.Workflow;

/// <summary>
/// Step 4: publish order-ready-for-shipping, built by the Warehouse from the packed job (parcelCount, packedAt)
/// and the order's address and service. Deterministic MessageId per order, so a repeat is a duplicate.
/// </summary>
public sealed class PublishReadyForShippingStep(PickingJobHandler pickingJobs)
    : IWorkflowStep<PublishReadyForShippingStep.Request, PublishReadyForShippingStep.Result>
{
    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var published = await pickingJobs.PublishReadyForShippingAsync(
            request.OrderId, request.CustomerId, request.ShippingAddress, request.Service, cancellationToken);
        return published is { Kind: PickingOutcomeKind.ReadyForShipping, Job: { } job }
            ? new Result(job.ParcelCount ?? 1)
            : throw new InvalidOperationException($"Order {request.OrderId:D} not ready for shipping: {published.Kind} ({published.Reason})");
    }

    public sealed record Request(Guid OrderId, Guid CustomerId, Address ShippingAddress, ShippingService Service);

    public sealed record Result(int ParcelCount);
}
