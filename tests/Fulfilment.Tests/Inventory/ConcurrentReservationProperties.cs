using FsCheck.Xunit;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// Random carts — some delivered twice — reserved all at once on three scarce products, so the group commit puts
/// many of them in one transaction: each cart is all-or-nothing (its reservation holds exactly its lines, or it has
/// none), nothing is oversold, and the books balance.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentReservationProperties(AzuriteFixture azurite)
{
    [Property(MaxTest = 8, EndSize = 40)]
    public bool ConcurrentCarts_EachAllOrNothingNoOversellBooksBalanced(byte[] script)
    {
        return RunAsync(script).GetAwaiter().GetResult();
    }

    private async Task<bool> RunAsync(byte[] script)
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        Guid[] products = [await inventory.ProductAsync(4), await inventory.ProductAsync(6), await inventory.ProductAsync(2)];
        var carts = new List<ReserveInventory>();
        for (var i = 0; i + 1 < script.Length; i += 2)
        {
            var (x, y) = (script[i], script[i + 1]);
            var builder = new ReserveInventoryBuilder().With(products[x % 3], 1 + (y % 3));
            if (x % 2 == 0)
            {
                builder.With(products[(x / 3) % 3], 1 + (x % 2));
            }

            carts.Add(builder.Build());
        }

        var deliveries = carts.Concat(carts.Where((_, i) => script[i % script.Length] % 3 == 0)).ToList(); // some twice
        var results = await Task.WhenAll(deliveries.Select(c => Task.Run(() => inventory.Reserve.HandleAsync(c, CancellationToken.None))));

        var held = new List<LineItem>();
        foreach (var cart in carts)
        {
            var answers = results.Where((_, i) => deliveries[i] == cart).Select(r => r.Status).ToList();
            var reservation = await inventory.Ledger.GetByCartAsync(cart.CartId, CancellationToken.None);
            var expected = cart.Items.GroupBy(l => l.ProductId).Select(g => new LineItem(g.Key, g.Sum(l => l.Quantity))).OrderBy(l => l.ProductId);
            var allOrNothing = reservation is null
                ? answers.All(s => s == ReserveStatus.Unavailable)
                : answers.All(s => s is ReserveStatus.Reserved or ReserveStatus.AlreadyReserved or ReserveStatus.Unavailable)
                  && answers.Count(s => s == ReserveStatus.Reserved) == 1
                  && reservation.Items.SequenceEqual(expected);
            if (!allOrNothing)
            {
                return false;
            }

            held.AddRange(reservation?.Items ?? []);
        }

        var stock = await inventory.Stock.ListStockAsync(CancellationToken.None);
        return stock.All(s => s.IsBalanced && s.Available >= 0 && s.Reserved == held.Where(h => h.ProductId == s.ProductId).Sum(h => h.Quantity));
    }
}
