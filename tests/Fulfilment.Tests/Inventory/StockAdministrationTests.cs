using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class StockAdministrationTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SetAsync_UnknownProduct_OpensItWithThatBalance()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var productId = Guid.NewGuid();

        var result = await inventory.Stock.SetAsync(productId, 12, "opening count", Guid.NewGuid(), None);

        Assert.Equal(StockChangeOutcome.Applied, result.Outcome);
        var stock = await inventory.StockOfAsync(productId);
        Assert.Equal((12, 12, 0), (stock.Available, stock.Initial, stock.Restocked));
    }

    [Fact]
    public async Task SetAsync_Lower_MissingUnitsWrittenOffAndAudited()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);

        var result = await inventory.Stock.SetAsync(a, 6, "cycle count", Guid.NewGuid(), None);

        Assert.Equal((StockOperation.Set, 10, 6, "cycle count"), (result.Operation!.Kind, result.Operation.AvailableBefore, result.Operation.AvailableAfter, result.Operation.Reason));
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((6, 4), (stock.Available, stock.WrittenOff));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task SetAsync_AfterShortPick_ClearsTheCountFlag()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var reservationId = await inventory.ReservedAsync((a, 2));
        await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(a, 2)], None);

        await inventory.Stock.SetAsync(a, 8, "counted after short pick", Guid.NewGuid(), None);

        Assert.False((await inventory.StockOfAsync(a)).NeedsCount);
    }

    [Fact]
    public async Task SetAsync_WithoutReason_RejectedAndNothingChanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);

        var result = await inventory.Stock.SetAsync(a, 3, " ", Guid.NewGuid(), None);

        Assert.Equal(StockChangeOutcome.Rejected, result.Outcome);
        Assert.Equal(10, (await inventory.StockOfAsync(a)).Available);
    }

    [Fact]
    public async Task RestockAsync_Existing_AddsAndCountsAsRestocked()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);

        await inventory.Stock.RestockAsync(a, 5, Guid.NewGuid(), None);

        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((15, 10, 5), (stock.Available, stock.Initial, stock.Restocked));
    }

    [Fact]
    public async Task RestockAsync_SameOperationTwice_AddsOnce()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var operation = Guid.NewGuid();
        await inventory.Stock.RestockAsync(a, 5, operation, None);

        var again = await inventory.Stock.RestockAsync(a, 5, operation, None);

        Assert.Equal(StockChangeOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal(15, (await inventory.StockOfAsync(a)).Available);
    }

    [Fact]
    public async Task RestockAsync_ZeroQuantity_Rejected()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);

        var result = await inventory.Stock.RestockAsync(a, 0, Guid.NewGuid(), None);

        Assert.Equal(StockChangeOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task GetStockLevel_Known_AvailableAndReserved()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        await inventory.ReservedAsync((a, 4));

        var level = await inventory.StockLevel.HandleAsync(a, None);

        Assert.Equal(new StockLevel(a, 6, 4), level);
    }

    [Fact]
    public async Task GetStockLevel_Unknown_Null()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);

        var level = await inventory.StockLevel.HandleAsync(Guid.NewGuid(), None);

        Assert.Null(level);
    }
}
