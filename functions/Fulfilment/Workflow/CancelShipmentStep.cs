using Fulfilment.Shipping;

namespace Fulfilment.Workflow;

/// <summary>
/// In hand-off (after order-ready-for-shipping, before the carrier's confirmation): cancel the order's shipment
/// before the stock goes back on sale. <see cref="ShipmentCancellationOutcome.Cancelled"/> means it is certain that
/// no parcel leaves; <see cref="ShipmentCancellationOutcome.TooLate"/> that the carrier has it (the cancellation is
/// refused, the order goes on to delivery). Idempotent; an unavailable carrier or storage throws and is retried.
/// </summary>
public sealed class CancelShipmentStep(ShipmentCancellation cancellation) : IWorkflowStep<CancelShipmentStep.Request, CancelShipmentStep.Result>
{
    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await cancellation.CancelAsync(request.OrderId, request.Reason, cancellationToken);
        return outcome switch
        {
            ShipmentCancellationOutcome.Cancelled => new Result(outcome, "no parcel leaves: the shipment is cancelled"),
            ShipmentCancellationOutcome.TooLate => new Result(outcome, "too late: the carrier has the parcel"),
            _ => throw new InvalidOperationException($"Cancelling the shipment of order {request.OrderId:D}: unknown outcome {outcome}"),
        };
    }

    public sealed record Request(Guid OrderId, string Reason);

    public sealed record Result(ShipmentCancellationOutcome Outcome, string Detail);
}
