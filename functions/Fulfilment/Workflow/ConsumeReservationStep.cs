using Fulfilment.Inventory;

namespace Fulfilment.Workflow;

/// <summary>Step 7: the parcel was delivered, the reservation's stock leaves the books (HELD → CONSUMED). Idempotent.</summary>
public sealed class ConsumeReservationStep(ReservationLedger reservations) : IWorkflowStep<ConsumeReservationStep.Request, ConsumeReservationStep.Result>
{
    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var consumed = await reservations.ConsumeAsync(request.ReservationId, cancellationToken);
        return consumed.Succeeded
            ? new Result(consumed.Outcome.ToString())
            : throw new InvalidOperationException($"Reservation {request.ReservationId:D} cannot be consumed: {consumed.Outcome} ({consumed.Detail})");
    }

    public sealed record Request(Guid OrderId, Guid ReservationId);

    public sealed record Result(string Detail);
}
