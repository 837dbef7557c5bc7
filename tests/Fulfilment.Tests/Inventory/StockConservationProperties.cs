using FsCheck.Xunit;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// Random sequences of every inventory operation on three products: stock is always conserved
/// (available + reserved + consumed = initial + restocked), never negative, and reserved always equals what the
/// HELD reservations hold.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StockConservationProperties(AzuriteFixture azurite)
{
    [Property(MaxTest = 8, EndSize = 30)]
    public bool AnyOperationSequence_StockConservedAndNeverOversold(byte[] script)
    {
        return RunAsync(script).GetAwaiter().GetResult();
    }

    private async Task<bool> RunAsync(byte[] script)
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        Guid[] products = [await inventory.ProductAsync(3), await inventory.ProductAsync(5), await inventory.ProductAsync(0)];
        var carts = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var none = CancellationToken.None;
        for (var i = 0; i + 2 < script.Length; i += 3)
        {
            var (op, x, y) = (script[i] % 8, script[i + 1], script[i + 2]);
            var product = products[x % products.Length];
            var reservationId = Reservation.IdFor(carts[y % carts.Length]);
            _ = op switch
            {
                0 or 1 => (object)await inventory.Reserve.HandleAsync(
                    new ReserveInventoryBuilder().ForCart(carts[y % carts.Length]).With(product, 1 + (x % 4)).With(products[y % 3], 1).Build(), none),
                2 => await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", none),
                3 => await inventory.Ledger.ConsumeAsync(reservationId, none),
                4 => await inventory.Ledger.WriteOffAsync(reservationId, "LOST", none),
                5 => await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(product, 1)], none),
                6 => await inventory.Stock.RestockAsync(product, 1 + (y % 3), Guid.NewGuid(), none),
                _ => await AdvanceAndExpireAsync(inventory, y),
            };
        }

        var held = new List<LineItem>();
        foreach (var cart in carts)
        {
            if (await inventory.Ledger.GetByCartAsync(cart, none) is { Status: ReservationStatus.Held } reservation)
            {
                held.AddRange(reservation.Items);
            }
        }

        var stock = await inventory.Stock.ListStockAsync(none);
        return stock.All(s => s.IsBalanced && s.Available >= 0 && s.Reserved == held.Where(h => h.ProductId == s.ProductId).Sum(h => h.Quantity));
    }

    private static async Task<object> AdvanceAndExpireAsync(InventoryHarness inventory, byte minutes)
    {
        inventory.Clock.Advance(TimeSpan.FromMinutes(minutes % 40));
        return await inventory.Expiry.HandleAsync(CancellationToken.None);
    }
}
