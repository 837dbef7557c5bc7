using Fulfilment.Contracts;

namespace Fulfilment.Inventory;

/// <summary>
/// The rule for a short pick: the shelf held fewer units than the books said. The reservation is released, but the
/// missing units are written off (not put back on sale) and their products flagged for a count.
/// </summary>
internal static class ShortPick
{
    public static ReservationStep Plan(Reservation reservation, IReadOnlyList<LineItem> missing, DateTimeOffset now)
    {
        var problem = Problem(reservation, missing);
        if (problem is not null)
        {
            return new ReservationStep(ReservationOutcome.Rejected, Detail: problem);
        }

        var writeOff = missing.GroupBy(m => m.ProductId).Select(g => new LineItem(g.Key, g.Sum(m => m.Quantity))).OrderBy(l => l.ProductId).ToList();
        return new ReservationStep(
            ReservationOutcome.Applied,
            r => r.Release(ReleaseReasons.ShortPick, now, writeOff),
            (stock, line) =>
            {
                var lost = writeOff.FirstOrDefault(w => w.ProductId == line.ProductId)?.Quantity ?? 0;
                stock.Release(line.Quantity - lost);
                if (lost > 0)
                {
                    stock.WriteOff(lost);
                    stock.FlagForCount();
                }
            });
    }

    private static string? Problem(Reservation reservation, IReadOnlyList<LineItem> missing)
    {
        if (missing is null || missing.Count == 0)
        {
            return "no missing lines given";
        }

        foreach (var group in missing.GroupBy(m => m.ProductId))
        {
            var held = reservation.QuantityOf(group.Key);
            var lost = group.Sum(m => (long)m.Quantity);
            if (held == 0)
            {
                return $"product {group.Key} is not in reservation {reservation.Id}";
            }

            if (group.Any(m => m.Quantity < 1) || lost > held)
            {
                return $"missing quantity {lost} of {group.Key} must be between 1 and the {held} reserved";
            }
        }

        return null;
    }
}
