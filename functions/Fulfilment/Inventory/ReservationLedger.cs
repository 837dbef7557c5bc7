using Fulfilment.Contracts;
using Microsoft.Extensions.Logging;
using static Fulfilment.Inventory.ReservationOutcome;
using Step = Fulfilment.Inventory.ReservationStep;

namespace Fulfilment.Inventory;

/// <summary>
/// Everything that happens to a reservation after it is made: link to an order, release, consume on delivery, write
/// off a lost parcel, release after a short pick, expire, take off the books a parcel delivered after its
/// fulfilment ended. Each is a <see cref="ReservationCommand"/>: one conditional entity-group transaction over the
/// reservation row, its stock rows and its expiry-index row (shared with whatever else the group commit holds), and
/// idempotent: repeating it finds the reservation already changed and answers
/// <see cref="AlreadyApplied"/>. A change that would take a stock count past <see cref="StockItem.MaxUnits"/> (only
/// possible on a row stored before restock and set enforced the limit) is answered <see cref="Rejected"/>, naming the
/// limit, and changes nothing. <see cref="GetAsync"/> always reads storage.
/// </summary>
public sealed partial class ReservationLedger(InventoryTable table, TimeProvider time, ILogger<ReservationLedger> logger)
{
    public Task<Reservation?> GetAsync(Guid reservationId, CancellationToken cancellationToken) =>
        ReadAsync(reservationId, cancellationToken);

    public Task<Reservation?> GetByCartAsync(Guid cartId, CancellationToken cancellationToken) =>
        ReadAsync(Reservation.IdFor(cartId), cancellationToken);

    /// <summary>
    /// Links a HELD reservation to an order (it no longer expires). Linking again to the same order is idempotent; an
    /// order other than the one the reservation was reserved for (its hint) gets LinkedToAnotherOrder.
    /// </summary>
    public Task<ReservationResult> LinkAsync(Guid reservationId, Guid orderId, CancellationToken cancellationToken) =>
        ChangeAsync(reservationId, nameof(LinkAsync), (r, now) => r switch
        {
            { Status: ReservationStatus.Consumed } => new Step(Consumed),
            { IsExpired: true } => new Step(Expired),
            { Status: ReservationStatus.Released } => new Step(Released),
            { OrderId: { } linked } => new Step(linked == orderId ? AlreadyApplied : LinkedToAnotherOrder),
            _ when !r.AcceptsOrder(orderId) => new Step(LinkedToAnotherOrder, Detail: $"reserved for order {r.OrderIdHint:D}"),
            _ when r.IsDueAt(now) => new Step(Expired, x => x.Release(ReleaseReasons.Expired, now), (s, line) => s.Release(line.Quantity)),
            _ => new Step(Applied, x => x.Link(orderId)),
        }, cancellationToken);

    public Task<ReservationResult> LinkByCartAsync(Guid cartId, Guid orderId, CancellationToken cancellationToken) =>
        LinkAsync(Reservation.IdFor(cartId), orderId, cancellationToken);

    /// <summary>HELD → RELEASED with <paramref name="reason"/>, linked or not (the workflow's compensation): the units go back on sale.</summary>
    public Task<ReservationResult> ReleaseAsync(Guid reservationId, string reason, CancellationToken cancellationToken) =>
        ReleaseAsync(reservationId, reason, linkedToo: true, nameof(ReleaseAsync), cancellationToken);

    /// <summary>
    /// release-inventory's path: HELD and NOT linked → RELEASED; a linked HELD one answers LinkedToOrder and stays
    /// held. Decided on the row read in the same attempt, whose ETag conditions the commit, so a link that lands in
    /// between fails the commit (412) and the re-read answers LinkedToOrder.
    /// </summary>
    internal Task<ReservationResult> ReleaseUnlinkedAsync(Guid reservationId, string reason, CancellationToken cancellationToken) =>
        ReleaseAsync(reservationId, reason, linkedToo: false, nameof(ReleaseUnlinkedAsync), cancellationToken);

    /// <summary>HELD → CONSUMED on delivery: the units leave the books.</summary>
    public Task<ReservationResult> ConsumeAsync(Guid reservationId, CancellationToken cancellationToken) =>
        ConsumeAsync(reservationId, ReleaseReasons.Delivered, writtenOff: false, nameof(ConsumeAsync), cancellationToken);

    /// <summary>HELD → CONSUMED for a parcel that is gone (LOST, DAMAGED): the units leave the books as written off, not back on sale.</summary>
    public Task<ReservationResult> WriteOffAsync(Guid reservationId, string reason, CancellationToken cancellationToken) =>
        !ReleaseReasons.IsValid(reason)
            ? Task.FromResult(new ReservationResult(Rejected, reservationId, null, $"reason '{reason}' is not 1-64 characters of A-Z, 0-9 and _"))
            : ConsumeAsync(reservationId, reason, writtenOff: true, nameof(WriteOffAsync), cancellationToken);

    /// <summary>
    /// HELD → RELEASED with reason SHORT_PICK: the <paramref name="missing"/> units (not on the shelf) are written
    /// off and their products flagged for a count; the rest of the reservation goes back on sale.
    /// </summary>
    public Task<ReservationResult> ReleaseShortPickedAsync(Guid reservationId, IReadOnlyList<LineItem> missing, CancellationToken cancellationToken) =>
        ChangeAsync(reservationId, nameof(ReleaseShortPickedAsync), (r, now) => r.Status switch
        {
            ReservationStatus.Consumed => new Step(Consumed),
            ReservationStatus.Released when r.Reason == ReleaseReasons.ShortPick => new Step(AlreadyApplied),
            ReservationStatus.Released => new Step(r.IsExpired ? Expired : Released),
            _ => ShortPick.Plan(r, missing, now),
        }, cancellationToken);

    /// <summary>
    /// A parcel of <paramref name="orderId"/> delivered after its fulfilment had ended: the reservation's units leave
    /// the books whatever its state (<see cref="LateDelivery"/>). HELD → CONSUMED (DELIVERED); RELEASED → CONSUMED
    /// (DELIVERED_AFTER_RELEASE), taking the units back from sale as far as they are still available and flagging the
    /// product for a count for the rest (<see cref="Reservation.Shortfall"/>); CONSUMED → AlreadyApplied. A reservation
    /// not linked to that order is left alone (LinkedToAnotherOrder).
    /// </summary>
    public Task<ReservationResult> ReconcileDeliveryAsync(Guid reservationId, Guid orderId, CancellationToken cancellationToken) =>
        ChangeAsync(reservationId, nameof(ReconcileDeliveryAsync), (r, now) => LateDelivery.Plan(r, orderId, now), cancellationToken);

    /// <summary>HELD, unlinked and past expiresAt → RELEASED with reason EXPIRED (the expiry sweep).</summary>
    public Task<ReservationResult> ExpireAsync(Guid reservationId, CancellationToken cancellationToken) =>
        ChangeAsync(reservationId, nameof(ExpireAsync), (r, now) => r switch
        {
            _ when r.IsDueAt(now) => new Step(Applied, x => x.Release(ReleaseReasons.Expired, now), (s, line) => s.Release(line.Quantity)),
            { IsExpired: true } => new Step(AlreadyApplied),
            _ => new Step(Rejected, Detail: "the reservation is not due to expire"),
        }, cancellationToken);

    private Task<ReservationResult> ReleaseAsync(Guid reservationId, string reason, bool linkedToo, string operation, CancellationToken cancellationToken) =>
        !ReleaseReasons.IsValid(reason)
            ? Task.FromResult(new ReservationResult(Rejected, reservationId, null, $"reason '{reason}' is not 1-64 characters of A-Z, 0-9 and _"))
            : ChangeAsync(reservationId, operation, (r, now) => r switch
            {
                { Status: ReservationStatus.Consumed } => new Step(Consumed, Detail: "a consumed reservation cannot be released"),
                { Status: ReservationStatus.Released } => new Step(AlreadyApplied),
                { OrderId: { } orderId } when !linkedToo => new Step(LinkedToOrder, Detail: $"linked to order {orderId:D}: only its workflow releases it"),
                _ => new Step(Applied, x => x.Release(reason, now), (s, line) => s.Release(line.Quantity)),
            }, cancellationToken);

    private Task<ReservationResult> ConsumeAsync(Guid reservationId, string reason, bool writtenOff, string operation, CancellationToken cancellationToken) =>
        ChangeAsync(reservationId, operation, (r, now) => r.Status switch
        {
            ReservationStatus.Consumed => new Step(AlreadyApplied),
            ReservationStatus.Released => new Step(r.IsExpired ? Expired : Released, Detail: "a released reservation cannot be consumed"),
            _ => new Step(
                Applied,
                x => x.Consume(reason, now, writtenOff),
                writtenOff ? (s, line) => s.WriteOff(line.Quantity) : (s, line) => s.Consume(line.Quantity)),
        }, cancellationToken);

    private async Task<Reservation?> ReadAsync(Guid reservationId, CancellationToken cancellationToken) =>
        (await table.FindReservationAsync(reservationId, cancellationToken).ConfigureAwait(false))?.Value;

    private async Task<ReservationResult> ChangeAsync(Guid reservationId, string operation, Func<Reservation, DateTimeOffset, Step> decide, CancellationToken cancellationToken)
    {
        ReservationResult result;
        try
        {
            result = await table.ExecuteAsync(new ReservationCommand(reservationId, decide, time), cancellationToken).ConfigureAwait(false);
        }
        catch (StockLimitExceededException e)
        {
            // A stock row stored past the limit before it was enforced: the change would wrap a count. The group commit
            // threw the command's half-made changes away; retrying cannot help, so it is a refusal, not a failure.
            result = new ReservationResult(Rejected, reservationId, null, e.Message);
        }

        LogOutcome(operation, reservationId, result.Outcome);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId}: {Operation} gave {Outcome}")]
    private partial void LogOutcome(string operation, Guid reservationId, ReservationOutcome outcome);
}
