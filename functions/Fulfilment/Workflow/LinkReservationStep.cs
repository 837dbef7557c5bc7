using Fulfilment.Contracts;
using Fulfilment.Inventory;

namespace Fulfilment.Workflow;

/// <summary>
/// Step 1: link the order's reservation (by reservationId, else by cartId) to the order, so that it no longer
/// expires. Linking again to the same order is idempotent; a reservation that is missing, released, expired,
/// consumed or another order's is an outcome, not an error. One already consumed or released *for this order*
/// means this order's fulfilment ran before (its instance was purged and an old order-completed came back):
/// <see cref="LinkOutcome.SettledForThisOrder"/>, so that the run does nothing rather than fail a finished order.
/// </summary>
public sealed class LinkReservationStep(ReservationLedger reservations) : IWorkflowStep<LinkReservationStep.Request, LinkReservationStep.Result>
{
    public enum LinkOutcome
    {
        Linked,
        NotFound,
        Released,
        Expired,
        Consumed,
        LinkedToAnotherOrder,
        SettledForThisOrder,
    }

    public async Task<Result> RunAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var linked = request switch
        {
            { ReservationId: { } reservationId } => await reservations.LinkAsync(reservationId, request.OrderId, cancellationToken),
            { CartId: { } cartId } => await reservations.LinkByCartAsync(cartId, request.OrderId, cancellationToken),
            _ => null,
        };
        if (linked is null)
        {
            return new Result(LinkOutcome.NotFound, null, [], "the order has no reservation reference");
        }

        var outcome = linked.Outcome switch
        {
            ReservationOutcome.Consumed or ReservationOutcome.Released when linked.Reservation?.OrderId == request.OrderId => LinkOutcome.SettledForThisOrder,
            ReservationOutcome.Applied or ReservationOutcome.AlreadyApplied => LinkOutcome.Linked,
            ReservationOutcome.NotFound => LinkOutcome.NotFound,
            ReservationOutcome.Released => LinkOutcome.Released,
            ReservationOutcome.Expired => LinkOutcome.Expired,
            ReservationOutcome.Consumed => LinkOutcome.Consumed,
            ReservationOutcome.LinkedToAnotherOrder => LinkOutcome.LinkedToAnotherOrder,
            _ => throw new InvalidOperationException($"Linking reservation {linked.ReservationId:D}: {linked.Outcome} ({linked.Detail})"),
        };
        return outcome == LinkOutcome.Linked
            ? new Result(outcome, linked.ReservationId, linked.Reservation!.Items)
            : new Result(outcome, null, [], $"reservation {linked.ReservationId:D}: {linked.Outcome}");
    }

    public sealed record Request(Guid OrderId, Guid? ReservationId, Guid? CartId);

    public sealed record Result(LinkOutcome Outcome, Guid? ReservationId, IReadOnlyList<LineItem> Items, string? Detail = null);
}
