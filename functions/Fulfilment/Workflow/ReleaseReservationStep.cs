using Fulfilment.Contracts;
using Fulfilment.Inventory;

namespace Fulfilment.Workflow;

/// <summary>
/// Compensation of step 1: give the reservation's stock back as <see cref="ReleaseMode"/> says, with the reason
/// (release → back on sale; write-off → gone; short pick → missing units written off, product flagged for a
/// count, the rest back on sale). Only a reservation linked to this order is touched; idempotent.
/// </summary>
public sealed class ReleaseReservationStep(ReservationLedger reservations) : IWorkflowStep<ReleaseReservationStep.Request, ReleaseReservationStep.Result>
{
    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ReservationId is not { } reservationId)
        {
            return new Result("no reservation to release");
        }

        var reservation = await reservations.GetAsync(reservationId, cancellationToken);
        if (reservation?.OrderId != request.OrderId)
        {
            return new Result($"reservation {reservationId:D} is not linked to this order: left alone");
        }

        var released = request switch
        {
            { Mode: ReleaseMode.WriteOff } => await reservations.WriteOffAsync(reservationId, request.Reason, cancellationToken),
            { Mode: ReleaseMode.ShortPick, ShortPickedProductId: { } productId, MissingUnits: > 0 } =>
                await reservations.ReleaseShortPickedAsync(reservationId, [new LineItem(productId, request.MissingUnits)], cancellationToken),
            _ => await reservations.ReleaseAsync(reservationId, request.Reason, cancellationToken),
        };
        return released.Outcome == ReservationOutcome.Rejected
            ? throw new InvalidOperationException($"Releasing reservation {reservationId:D} was rejected: {released.Detail}")
            : new Result($"{request.Mode} {request.Reason}: {released.Outcome}");
    }

    public sealed record Request(
        Guid OrderId,
        Guid? ReservationId,
        ReleaseMode Mode,
        string Reason,
        Guid? ShortPickedProductId = null,
        int MissingUnits = 0);

    public sealed record Result(string Detail);
}
