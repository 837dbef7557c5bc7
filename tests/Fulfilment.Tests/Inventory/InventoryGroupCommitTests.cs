using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// The group commit: the inventory writes of one process that arrive together are one transaction, each cart
/// all-or-nothing and answered on its own; rows are remembered from the last write, and another instance's writes
/// are caught by the ETag conditions.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryGroupCommitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Reserve_31CartsQueuedBehindATransaction_OneTransactionForAllAndNoConflict()
    {
        var hold = new HoldNextBatch();
        var counter = new TableOperationCounter();
        var inventory = await InventoryHarness.CreateAsync(azurite, hold, counter);
        var hot = await inventory.ProductAsync(100);
        hold.Arm();
        var first = inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With(hot, 1).Build(), CancellationToken.None);
        await hold.Reached.Task;
        counter.Reset();
        var queued = Enumerable.Range(0, 31).Select(_ => inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With(hot, 2).Build(), CancellationToken.None)).ToList();
        while (inventory.Table.QueuedOperations < 31)
        {
            await Task.Delay(5);
        }

        hold.Release();
        var results = await Task.WhenAll(queued.Prepend(first));

        Assert.All(results, r => Assert.Equal(ReserveStatus.Reserved, r.Status));
        Assert.Equal(new Dictionary<string, long> { ["batch"] = 2 }, counter.Snapshot()); // the held one, then all 31 in one; no read, no retry
        Assert.Equal((100 - 63, 63), ((await inventory.StockOfAsync(hot)).Available, (await inventory.StockOfAsync(hot)).Reserved));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task Reserve_GroupWithOneShortCart_OthersReservedShortOneUntouched()
    {
        var hold = new HoldNextBatch();
        var inventory = await InventoryHarness.CreateAsync(azurite, hold);
        var (a, b) = (await inventory.ProductAsync(10), await inventory.ProductAsync(1));
        hold.Arm();
        var first = inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With(a, 1).Build(), CancellationToken.None);
        await hold.Reached.Task;
        var fits = inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With((a, 2), (b, 1)).Build(), CancellationToken.None);
        var tooMuch = inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With((a, 2), (b, 1)).Build(), CancellationToken.None);
        while (inventory.Table.QueuedOperations < 2)
        {
            await Task.Delay(5);
        }

        hold.Release();
        var results = await Task.WhenAll(first, fits, tooMuch);

        // The second cart of the group sees the first's take of b: it is refused whole, a's units stay on sale.
        Assert.Equal([ReserveStatus.Reserved, ReserveStatus.Reserved, ReserveStatus.Unavailable], results.Select(r => r.Status));
        Assert.Equal((7, 3), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
        Assert.Equal((0, 1), ((await inventory.StockOfAsync(b)).Available, (await inventory.StockOfAsync(b)).Reserved));
        Assert.Null(await inventory.Ledger.GetAsync(results[2].ReservationId, CancellationToken.None));
    }

    [Fact]
    public async Task Reserve_60CartsOnDistinctProductsAtOnce_SplitIntoTransactionsOf100OperationsAtMost()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var products = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => inventory.ProductAsync(1)));

        var results = await Task.WhenAll(products.Select(p => inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With(p, 1).Build(), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(ReserveStatus.Reserved, r.Status));
        Assert.All(await inventory.Stock.ListStockAsync(CancellationToken.None), s => Assert.Equal((0, 1), (s.Available, s.Reserved)));
    }

    [Fact]
    public async Task Reserve_AnotherInstanceTookTheStockMeanwhile_RereadsAndNeverOversells()
    {
        var tables = azurite.NewTables();
        var here = await InventoryHarness.CreateAsync(tables);
        var elsewhere = await InventoryHarness.CreateAsync(tables);
        var a = await here.ProductAsync(3);
        await here.ReservedAsync((a, 1)); // here now remembers a at 2 available
        await elsewhere.ReservedAsync((a, 2)); // ...which is stale: 0 are
        var conflictsBefore = ConcurrencyRetry.ConflictsRetried;

        var result = await here.Reserve.HandleAsync(new ReserveInventoryBuilder().With(a, 1).Build(), CancellationToken.None);

        Assert.Equal(ReserveStatus.Unavailable, result.Status);
        Assert.True(ConcurrencyRetry.ConflictsRetried > conflictsBefore); // its remembered row failed the ETag condition
        Assert.Equal((0, 3), ((await here.StockOfAsync(a)).Available, (await here.StockOfAsync(a)).Reserved));
        await here.AssertBalancedAsync();
    }

    [Fact]
    public async Task Reserve_RestockedByAnotherInstanceAfterSoldOut_ReservedOnAFreshRead()
    {
        var tables = azurite.NewTables();
        var here = await InventoryHarness.CreateAsync(tables);
        var elsewhere = await InventoryHarness.CreateAsync(tables);
        var a = await here.ProductAsync(1);
        await here.ReservedAsync((a, 1)); // here remembers a as sold out
        await elsewhere.Stock.RestockAsync(a, 5, Guid.NewGuid(), CancellationToken.None);

        var result = await here.Reserve.HandleAsync(new ReserveInventoryBuilder().With(a, 2).Build(), CancellationToken.None);

        Assert.Equal(ReserveStatus.Reserved, result.Status);
        Assert.Equal((3, 3), ((await here.StockOfAsync(a)).Available, (await here.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task LinkThenConsume_AfterReserveInTheSameProcess_OneTransactionEachAndNoRead()
    {
        var counter = new TableOperationCounter();
        var inventory = await InventoryHarness.CreateAsync(azurite, counter);
        var (a, b, c) = (await inventory.ProductAsync(5), await inventory.ProductAsync(5), await inventory.ProductAsync(5));
        counter.Reset();

        var reservationId = await inventory.ReservedAsync((a, 1), (b, 2), (c, 3));
        await inventory.Ledger.LinkAsync(reservationId, Guid.NewGuid(), CancellationToken.None);
        await inventory.Ledger.ConsumeAsync(reservationId, CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["batch"] = 3 }, counter.Snapshot());
        Assert.Equal(2, (await inventory.StockOfAsync(b)).Consumed);
    }

    [Fact]
    public async Task Link_ReleasedByAnotherInstance_AnswersReleasedFromAFreshRead()
    {
        var tables = azurite.NewTables();
        var here = await InventoryHarness.CreateAsync(tables);
        var elsewhere = await InventoryHarness.CreateAsync(tables);
        var a = await here.ProductAsync(5);
        var reservationId = await here.ReservedAsync((a, 2));
        await elsewhere.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", CancellationToken.None);

        var linked = await here.Ledger.LinkAsync(reservationId, Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(ReservationOutcome.Released, linked.Outcome);
        Assert.Equal((5, 0), ((await here.StockOfAsync(a)).Available, (await here.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task Consume_StockRowMissing_ThatOperationFailsAndLaterOnesGoOn()
    {
        var tables = azurite.NewTables();
        var inventory = await InventoryHarness.CreateAsync(tables);
        var (a, b) = (await inventory.ProductAsync(5), await inventory.ProductAsync(5));
        var reservationId = await inventory.ReservedAsync((a, 1));
        await tables.Get(InventoryTable.BaseName).DeleteEntityAsync("inventory", "stock_" + a.ToString("D")); // a defect in the data

        await Assert.ThrowsAsync<InvalidOperationException>(() => inventory.Ledger.ConsumeAsync(reservationId, CancellationToken.None));
        var later = await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().With(b, 2).Build(), CancellationToken.None);

        Assert.Equal(ReserveStatus.Reserved, later.Status);
        Assert.Equal(ReservationStatus.Held, (await inventory.Ledger.GetAsync(reservationId, CancellationToken.None))!.Status);
    }
}
