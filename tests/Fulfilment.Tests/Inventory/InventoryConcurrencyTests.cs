using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class InventoryConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Reserve_64ConcurrentCartsOn3HotProducts_NeverOversells()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        Guid[] hot = [await inventory.ProductAsync(20), await inventory.ProductAsync(20), await inventory.ProductAsync(20)];
        var carts = RandomCarts(hot, count: 64, seed: 64);

        var results = await Task.WhenAll(carts.Select(c => Task.Run(() => Deliveries.DeliverAsync(inventory, c))));

        Assert.All(results, r => Assert.Contains(r.Status, new[] { ReserveStatus.Reserved, ReserveStatus.Unavailable }));
        var reservedCarts = carts.Where((_, i) => results[i].Status == ReserveStatus.Reserved).ToList();
        foreach (var product in hot)
        {
            var stock = await inventory.StockOfAsync(product);
            var promised = reservedCarts.SelectMany(c => c.Items).Where(l => l.ProductId == product).Sum(l => l.Quantity);
            Assert.Equal(promised, stock.Reserved);
            Assert.InRange(stock.Reserved, 0, 20);
        }

        Assert.Equal(reservedCarts.Count, inventory.Publisher.Named(MessageNames.InventoryReserved).Count);
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task Reserve_TransientStorageFaultsAndRedeliveries_NeverDoubleApplies()
    {
        var faults = new StorageFaultInjector(rate: 0.25, seed: 11) { Enabled = false };
        var inventory = await InventoryHarness.CreateAsync(azurite.NewTables(azurite.CreateServiceClient(maxRetries: 0, faults)));
        Guid[] products = [await inventory.ProductAsync(40), await inventory.ProductAsync(40)];
        var carts = RandomCarts(products, count: 24, seed: 5);
        faults.Enabled = true;

        foreach (var cart in carts)
        {
            await Deliveries.DeliverAsync(inventory, cart);
            await Deliveries.DeliverAsync(inventory, cart); // a duplicate delivery on top
        }

        faults.Enabled = false;
        Assert.True(faults.Injected > 0);
        var held = new List<LineItem>();
        foreach (var cart in carts)
        {
            var reservation = await inventory.Ledger.GetByCartAsync(cart.CartId, CancellationToken.None);
            held.AddRange(reservation?.Items ?? []);
        }

        foreach (var product in products)
        {
            Assert.Equal(held.Where(l => l.ProductId == product).Sum(l => l.Quantity), (await inventory.StockOfAsync(product)).Reserved);
        }

        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task Reserve_ResponseLostAfterCommit_RedeliveryAnswersAlreadyReservedAndReservesOnce()
    {
        var loseCommit = new LoseBatchResponse();
        var inventory = await InventoryHarness.CreateAsync(azurite.NewTables(azurite.CreateServiceClient(maxRetries: 0, loseCommit)));
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 3).Build();
        loseCommit.Armed = true;
        await Assert.ThrowsAsync<TimeoutException>(() => inventory.Reserve.HandleAsync(command, CancellationToken.None));

        var redelivered = await inventory.Reserve.HandleAsync(command, CancellationToken.None);

        Assert.Equal(ReserveStatus.AlreadyReserved, redelivered.Status);
        Assert.Equal(3, (await inventory.StockOfAsync(a)).Reserved);
        Assert.Single(inventory.Publisher.Named(MessageNames.InventoryReserved));
    }

    private static List<ReserveInventory> RandomCarts(Guid[] products, int count, int seed)
    {
#pragma warning disable CA5394 // seeded test data
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new ReserveInventoryBuilder()
                .With(products.Where(_ => random.Next(2) == 0).DefaultIfEmpty(products[0]).Select(p => (p, random.Next(1, 4))).ToArray())
                .Build())
            .ToList();
#pragma warning restore CA5394
    }
}
