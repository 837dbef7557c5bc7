using static Fulfilment.Inventory.InventoryEntityMapper;

namespace Fulfilment.Inventory;

/// <summary>
/// A change to an existing reservation (link, release, consume, write-off, short pick, expire), taken in a group
/// (<see cref="InventoryGroupCommit"/>): <c>decide</c> picks the <see cref="ReservationStep"/> from the reservation
/// as it stands; a step that changes it writes the reservation row and, if it moves units, each of its stock rows,
/// all conditioned on their ETags. A step that changes nothing is only taken on a fresh read of the reservation.
/// </summary>
internal sealed class ReservationCommand(Guid reservationId, Func<Reservation, DateTimeOffset, ReservationStep> decide, TimeProvider time)
    : InventoryCommand<ReservationResult>
{
    private string Key => ReservationKey(reservationId);

    public override IEnumerable<string> Needs(InventoryRows rows)
    {
        if (!rows.Know(Key))
        {
            return [Key];
        }

        return rows.Reservation(reservationId) is { } reservation && decide(reservation, time.GetUtcNow()).Stock is not null
            ? reservation.Items.Select(i => StockKey(i.ProductId))
            : [];
    }

    public override int MaxOperations(InventoryRows rows) =>
        rows.Know(Key) && rows.Reservation(reservationId) is { } reservation ? reservation.Items.Count + 2 : InventoryTable.MaxLinesPerReservation + 2;

    public override bool Decide(InventoryRows rows)
    {
        if (!rows.Know(Key))
        {
            return false;
        }

        if (rows.Reservation(reservationId) is not { } reservation)
        {
            // Known absent means read absent in this group: nothing caches an absence.
            Decision = new ReservationResult(ReservationOutcome.NotFound, reservationId, null, "no reservation has this id");
            return true;
        }

        var step = decide(reservation, time.GetUtcNow());
        if (step.Transition is null)
        {
            if (!rows.Trust([Key]))
            {
                return false;
            }

            Decision = new ReservationResult(step.Outcome, reservationId, Snapshot(reservation), step.Detail);
            return true;
        }

        if (step.Stock is not null && reservation.Items.Count(i => !rows.Know(StockKey(i.ProductId))) > 0)
        {
            return false;
        }

        if (step.Stock is not null)
        {
            foreach (var line in reservation.Items)
            {
                var stock = rows.Stock(line.ProductId)
                            ?? throw new InvalidOperationException($"Stock row of {line.ProductId} held by reservation {reservationId} is missing.");
                step.Stock(stock, line);
                rows.Touch(StockKey(line.ProductId));
            }
        }

        step.Transition(reservation);
        rows.Touch(Key);

        Decision = new ReservationResult(step.Outcome, reservationId, Snapshot(reservation), step.Detail);
        return true;
    }

    /// <summary>The reservation as decided now, detached from the rows a later command of the group may change.</summary>
    private static Reservation Snapshot(Reservation reservation) => ToReservation(ToEntity(reservation));
}
