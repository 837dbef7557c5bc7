using Fulfilment.Contracts;

namespace Fulfilment.Inventory;

/// <summary>
/// What an operation on a reservation decided, on the row it read: its outcome and, if it changes anything, the
/// transition and the effect on each line's stock.
/// </summary>
internal sealed record ReservationStep(
    ReservationOutcome Outcome,
    Action<Reservation>? Transition = null,
    Action<StockItem, LineItem>? Stock = null,
    string? Detail = null)
{
    /// <summary>
    /// Applies the transition to the reservation as read and commits it with its stock rows in ONE transaction: the
    /// reservation row conditioned on the ETag it was read with (so the decision holds only if nothing changed it
    /// since), each stock row on its own, the expiry-index row dropped once it no longer waits for an order.
    /// </summary>
    public async Task CommitAsync(InventoryTable table, Versioned<Reservation> read, CancellationToken cancellationToken)
    {
        var wasWaitingForOrder = read.Value.IsWaitingForOrder;
        Transition!(read.Value);
        var change = new InventoryChange().UpdateReservation(read, wasWaitingForOrder);
        if (Stock is not null)
        {
            var stock = await table.ReadStockAsync(read.Value.Items.Select(i => i.ProductId), cancellationToken).ConfigureAwait(false);
            foreach (var line in read.Value.Items)
            {
                var row = stock.GetValueOrDefault(line.ProductId)
                          ?? throw new InvalidOperationException($"Stock row of {line.ProductId} held by reservation {read.Value.Id} is missing.");
                Stock(row.Value, line);
                change.UpdateStock(row);
            }
        }

        await table.CommitAsync(change, cancellationToken).ConfigureAwait(false);
    }
}
