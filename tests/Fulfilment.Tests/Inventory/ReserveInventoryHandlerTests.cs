using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class ReserveInventoryHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HandleAsync_EnoughStock_ReservesEveryLineAndPublishesReserved()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var b = await inventory.ProductAsync(5);
        var command = new ReserveInventoryBuilder().With(a, 3).With(b, 5).Build();

        var result = await inventory.Reserve.HandleAsync(command, CancellationToken.None);

        Assert.Equal(ReserveStatus.Reserved, result.Status);
        Assert.Equal(new[] { 7, 0 }, new[] { (await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(b)).Available });
        Assert.Equal(new[] { 3, 5 }, new[] { (await inventory.StockOfAsync(a)).Reserved, (await inventory.StockOfAsync(b)).Reserved });
        var reserved = inventory.Publisher.Single<InventoryReserved>(MessageNames.InventoryReserved);
        Assert.Equal(result.ReservationId, reserved.ReservationId);
        Assert.Equal(command.CartId, reserved.CartId);
        Assert.Equal(inventory.Clock.GetUtcNow(), reserved.ReservedAt);
    }

    [Fact]
    public async Task HandleAsync_DuplicateProductLines_MergesThem()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 2).With(a, 3).Build();

        await inventory.Reserve.HandleAsync(command, CancellationToken.None);

        var reserved = inventory.Publisher.Single<InventoryReserved>(MessageNames.InventoryReserved);
        Assert.Equal([new LineItem(a, 5)], reserved.Items);
        Assert.Equal(5, (await inventory.StockOfAsync(a)).Reserved);
    }

    [Fact]
    public async Task HandleAsync_OneLineShort_PublishesEveryShortLineAndLeavesStockUntouched()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var plenty = await inventory.ProductAsync(10);
        var scarce = await inventory.ProductAsync(1);
        var unknown = Guid.NewGuid();
        var command = new ReserveInventoryBuilder().With(plenty, 2).With(scarce, 3).With(unknown, 1).Build();

        var result = await inventory.Reserve.HandleAsync(command, CancellationToken.None);

        Assert.Equal(ReserveStatus.Unavailable, result.Status);
        var unavailable = inventory.Publisher.Single<InventoryUnavailable>(MessageNames.InventoryUnavailable);
        Assert.Equal(
            new[] { new UnavailableItem(scarce, 3, 1), new UnavailableItem(unknown, 1, 0) }.OrderBy(u => u.ProductId),
            unavailable.UnavailableItems);
        Assert.Equal(command.CartId, unavailable.CartId);
        Assert.Equal((10, 0), ((await inventory.StockOfAsync(plenty)).Available, (await inventory.StockOfAsync(plenty)).Reserved));
        Assert.Null(await inventory.Ledger.GetByCartAsync(command.CartId, CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_DifferentCommandForReservedCart_RefusedAndReservationUnchanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var cart = Guid.NewGuid();
        await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().ForCart(cart).With(a, 4).Build(), CancellationToken.None);

        var result = await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().ForCart(cart).With(a, 6).Build(), CancellationToken.None);

        Assert.Equal(ReserveStatus.CartAlreadyReserved, result.Status);
        Assert.False(result.IsBusinessOutcome);
        Assert.Single(inventory.Publisher.Messages);
        Assert.Equal(4, (await inventory.StockOfAsync(a)).Reserved);
    }

    [Fact]
    public async Task HandleAsync_NinetyNineDistinctProducts_RefusedWithTooManyLinesAndNothingWritten()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var command = new ReserveInventoryBuilder().With(Enumerable.Range(0, 99).Select(_ => (Guid.NewGuid(), 1)).ToArray()).Build();

        var result = await inventory.Reserve.HandleAsync(command, CancellationToken.None);

        Assert.Equal(ReserveStatus.TooManyLines, result.Status);
        Assert.Contains("at most 98", result.Reason, StringComparison.Ordinal);
        Assert.Empty(inventory.Publisher.Messages);
        Assert.Null(await inventory.Ledger.GetByCartAsync(command.CartId, CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_NinetyEightDistinctProducts_ReservedInOneFullTransaction()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var products = await Task.WhenAll(Enumerable.Range(0, InventoryTable.MaxLinesPerReservation).Select(_ => inventory.ProductAsync(1)));

        var command = new ReserveInventoryBuilder().With(products.Select(p => (p, 1)).ToArray()).Build();

        var result = await inventory.Reserve.HandleAsync(command, CancellationToken.None);

        Assert.Equal(ReserveStatus.Reserved, result.Status);
        Assert.All(await inventory.Stock.ListStockAsync(CancellationToken.None), s => Assert.Equal(1, s.Reserved));
    }

    [Fact]
    public async Task HandleAsync_ZeroQuantity_InvalidAndNothingPublished()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);

        var result = await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With(a, 0).Build(), CancellationToken.None);

        Assert.Equal(ReserveStatus.Invalid, result.Status);
        Assert.Empty(inventory.Publisher.Messages);
        Assert.Equal(0, (await inventory.StockOfAsync(a)).Reserved);
    }
}
