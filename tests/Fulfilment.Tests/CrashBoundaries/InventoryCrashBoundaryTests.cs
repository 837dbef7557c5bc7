using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.CrashBoundaries;

/// <summary>
/// docs/crash-boundaries.md, Inventory: the inbound message is Inventory's outbox — it is completed only after the
/// state write and the publish, so a crash anywhere before that redelivers it, and a redelivery (to another process,
/// which remembers nothing) repeats no effect and republishes the same MessageId.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryCrashBoundaryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Reserve_WrittenThenCrashBeforePublish_RedeliveryPublishesOnceAndReservesOnce()
    {
        var tables = azurite.NewTables();
        var crashed = await InventoryHarness.CreateAsync(tables);
        var product = await crashed.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(product, 4).Build();
        crashed.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashed.Reserve.HandleAsync(command, None));

        var restarted = await InventoryHarness.CreateAsync(tables);
        var redelivered = await restarted.Reserve.HandleAsync(command, None);

        Assert.Equal(ReserveStatus.AlreadyReserved, redelivered.Status);
        Assert.Single(restarted.Publisher.Named(MessageNames.InventoryReserved));
        var stock = await restarted.StockOfAsync(product);
        Assert.Equal((6, 4), (stock.Available, stock.Reserved));
    }

    [Fact]
    public async Task Reserve_PublishedThenCrashBeforeCompletion_RedeliveryRepublishesTheSameMessageIdAndReservesOnce()
    {
        var tables = azurite.NewTables();
        var crashed = await InventoryHarness.CreateAsync(tables);
        var product = await crashed.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(product, 4).Build();
        await crashed.Reserve.HandleAsync(command, None);

        var restarted = await InventoryHarness.CreateAsync(tables);
        await restarted.Reserve.HandleAsync(command, None);

        var ids = crashed.Publisher.Messages.Concat(restarted.Publisher.Messages).Select(m => m.MessageId).Distinct();
        Assert.Single(ids);
        Assert.Equal(4, (await restarted.StockOfAsync(product)).Reserved);
    }

    [Fact]
    public async Task Release_WrittenThenCrashBeforeCompletion_RedeliveryRestocksOnce()
    {
        var tables = azurite.NewTables();
        var crashed = await InventoryHarness.CreateAsync(tables);
        var product = await crashed.ProductAsync(10);
        var reservationId = await crashed.ReservedAsync((product, 4));
        await crashed.Release.HandleAsync(new ReleaseInventory(reservationId, ReleaseReason.OrderCancelled), None);

        var restarted = await InventoryHarness.CreateAsync(tables);
        await restarted.Release.HandleAsync(new ReleaseInventory(reservationId, ReleaseReason.OrderCancelled), None);

        var stock = await restarted.StockOfAsync(product);
        Assert.Equal((10, 0), (stock.Available, stock.Reserved));
        await restarted.AssertBalancedAsync();
    }

    [Fact]
    public async Task Expire_SweptThenCrashBeforeTheRunEnded_NextRunExpiresNothingTwice()
    {
        var tables = azurite.NewTables();
        var crashed = await InventoryHarness.CreateAsync(tables);
        var product = await crashed.ProductAsync(10);
        await crashed.ReservedAsync((product, 4));
        crashed.Clock.Advance(InventoryHarness.Ttl + TimeSpan.FromMinutes(1));
        await crashed.Expiry.HandleAsync(None);

        var restarted = await InventoryHarness.CreateAsync(tables);
        restarted.Clock.Advance(InventoryHarness.Ttl + TimeSpan.FromMinutes(2));
        var second = await restarted.Expiry.HandleAsync(None);

        Assert.Equal(0, second);
        var stock = await restarted.StockOfAsync(product);
        Assert.Equal((10, 0), (stock.Available, stock.Reserved));
    }
}
