using Fulfilment.Sandbox.Storage;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;

namespace Fulfilment.Tests.Warehouse;

/// <summary>What the store reads and writes: a write after a write reads nothing; another instance's write is caught.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingJobStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateStartPackThenReadyForShipping_OneProcess_ThreeTransactionsTheOutboxDeleteAndNoRead()
    {
        var counter = new TableOperationCounter();
        var warehouse = await WarehouseHarness.CreateAsync(azurite.NewTables(counter));
        var orderId = Guid.NewGuid();
        counter.Reset();

        await warehouse.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None);
        await warehouse.Floor.StartAsync(orderId, FloorCaller.Picker("picker-1"), CancellationToken.None);
        await warehouse.Floor.PackAsync(orderId, FloorCaller.Picker("picker-1"), 1, CancellationToken.None);
        var ready = await warehouse.Jobs.PublishReadyForShippingAsync(orderId, Guid.NewGuid(), new("1 Quay Street", "Bristol", "BS1 4DJ", "GB"), null, CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.ReadyForShipping, ready.Kind);
        Assert.Equal(new Dictionary<string, long> { ["batch"] = 3, ["delete"] = 1 }, counter.Snapshot()); // the pack's outbox row, once published
    }

    [Fact]
    public async Task StartAsync_StartedByAnotherInstanceMeanwhile_ConflictFromAFreshRead()
    {
        var tables = azurite.NewTables();
        var here = await WarehouseHarness.CreateAsync(tables);
        var elsewhere = await WarehouseHarness.CreateAsync(tables);
        var orderId = Guid.NewGuid();
        await here.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None); // here remembers it CREATED
        await elsewhere.Floor.StartAsync(orderId, FloorCaller.Picker("picker-1"), CancellationToken.None);

        var second = await here.Floor.StartAsync(orderId, FloorCaller.Picker("picker-2"), CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.Conflict, second.Kind);
        Assert.Equal("picker-1", (await here.Store.GetAsync(orderId, CancellationToken.None))!.Picker);
    }

    [Fact]
    public async Task CancelAsync_PackedByAnotherInstanceMeanwhile_RefusedAndStaysPacked()
    {
        var tables = azurite.NewTables();
        var here = await WarehouseHarness.CreateAsync(tables);
        var elsewhere = await WarehouseHarness.CreateAsync(tables);
        var orderId = Guid.NewGuid();
        await here.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None);
        await here.Floor.StartAsync(orderId, FloorCaller.Picker("picker-1"), CancellationToken.None); // here remembers it PICKING
        await elsewhere.Floor.PackAsync(orderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None);

        var cancelled = await here.Jobs.CancelAsync(orderId, "ORDER_CANCELLED", CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.IllegalTransition, cancelled.Kind);
        Assert.Equal(PickingJobStatus.Packed, (await here.Store.GetAsync(orderId, CancellationToken.None))!.Status);
    }
}
