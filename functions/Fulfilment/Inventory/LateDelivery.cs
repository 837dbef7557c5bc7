using Fulfilment.Contracts;
using static Fulfilment.Inventory.ReservationOutcome;

namespace Fulfilment.Inventory;

/// <summary>
/// The rule for a parcel the carrier delivered after the order's fulfilment had ended: whatever became of the order's
/// reservation, its delivered units leave the books, once. HELD (the fulfilment ended without settling it) → consumed
/// as delivered. RELEASED (its units were put back on sale) → consumed after release: each line's units that went
/// back on sale are taken out of <c>available</c> as far as they are still there; the rest were sold again, and their
/// product is flagged for a count. CONSUMED (delivered or written off before) → already applied.
/// </summary>
internal static class LateDelivery
{
    public static ReservationStep Plan(Reservation reservation, Guid orderId, DateTimeOffset now) => reservation switch
    {
        { OrderId: var linked } when linked != orderId =>
            new ReservationStep(LinkedToAnotherOrder, Detail: linked is null ? "not linked to an order" : $"linked to order {linked:D}"),
        { Status: ReservationStatus.Consumed } => new ReservationStep(AlreadyApplied, Detail: $"consumed before ({reservation.Reason})"),
        { Status: ReservationStatus.Held } => new ReservationStep(
            Applied, r => r.Consume(ReleaseReasons.Delivered, now, writtenOff: false), (stock, line) => stock.Consume(line.Quantity)),
        _ => TakeBack(reservation, now),
    };

    private static ReservationStep TakeBack(Reservation reservation, DateTimeOffset now)
    {
        // The stock effects run before the transition (ReservationStep), so the transition records what they found.
        var shortfall = new List<LineItem>();
        return new ReservationStep(
            Applied,
            r => r.ConsumeAfterRelease(now, [.. shortfall]),
            (stock, line) =>
            {
                var backOnSale = line.Quantity - reservation.WrittenOff.Where(w => w.ProductId == line.ProductId).Sum(w => w.Quantity);
                var missing = stock.TakeBackDelivered(backOnSale);
                if (missing > 0)
                {
                    shortfall.Add(new LineItem(line.ProductId, missing));
                }
            },
            $"released before ({reservation.Reason})");
    }
}
