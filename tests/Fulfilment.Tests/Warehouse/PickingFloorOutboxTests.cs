using Fulfilment.Contracts;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fulfilment.Tests.Warehouse;

/// <summary>
/// The picking floor's outbox: a pack or short pick stores its event with the job in one transaction, and a publish
/// that failed — with no further call from the device — is completed by the drain, with the same MessageId and body.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingFloorOutboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DrainAsync_PackPublishFailedAndTheDeviceNeverRetried_PublishesOrderPackedOnce()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        warehouse.Publisher.FailNext(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None));
        var packed = (await warehouse.Jobs.GetAsync(job.OrderId, CancellationToken.None))!;

        var first = await Outbox(warehouse).DrainAsync(CancellationToken.None);
        var second = await Outbox(warehouse).DrainAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(packed.Announcement(), Assert.Single(warehouse.Publisher.Named(MessageNames.OrderPacked)));
    }

    [Fact]
    public async Task DrainAsync_ShortPickPublishFailed_PublishesOrderShortPickedOnce()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        warehouse.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => warehouse.Floor.ReportShortAsync(job.OrderId, FloorCaller.Picker("picker-1"), job.Lines[0].ProductId, 1, "shelf empty", CancellationToken.None));
        warehouse.Publisher.Unavailable = false;

        var drained = await Outbox(warehouse).DrainAsync(CancellationToken.None);

        Assert.Equal(1, drained);
        var shortPicked = warehouse.Publisher.Single<OrderShortPicked>(MessageNames.OrderShortPicked);
        Assert.Equal((job.Lines[0].ProductId, 1, "shelf empty"), (shortPicked.ProductId, shortPicked.Picked, shortPicked.Reason));
    }

    [Fact]
    public async Task DrainAsync_OneRowFails_TheRowsAfterItArePublishedAndTheFailureIsReported()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var first = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        var second = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        warehouse.Publisher.Unavailable = true;
        foreach (var job in new[] { first, second })
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 1, CancellationToken.None));
        }

        warehouse.Publisher.Unavailable = false;
        warehouse.Publisher.FailNext(1);

        await Assert.ThrowsAsync<AggregateException>(() => Outbox(warehouse).DrainAsync(CancellationToken.None));
        var afterFirstRun = warehouse.Publisher.Named(MessageNames.OrderPacked).Count();
        var secondRun = await Outbox(warehouse).DrainAsync(CancellationToken.None);

        Assert.Equal((1, 1), (afterFirstRun, secondRun));
        Assert.Equal(2, warehouse.Publisher.Named(MessageNames.OrderPacked).Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task DrainAsync_PackPublished_FindsNothingAndPublishesNothingMore()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        await warehouse.ArrangeJobAsync(PickingJobStatus.Packed);

        var drained = await Outbox(warehouse).DrainAsync(CancellationToken.None);

        Assert.Equal(0, drained);
        Assert.Single(warehouse.Publisher.Named(MessageNames.OrderPacked));
        Assert.DoesNotContain(await warehouse.SnapshotAsync(), row => row.StartsWith("outbox|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PackAsync_TransactionFails_NeitherTheJobNorItsEventIsStored()
    {
        var outage = new TableOutage();
        var warehouse = await WarehouseHarness.CreateAsync(azurite.NewTables(outage));
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        var before = await warehouse.SnapshotAsync();

        outage.Begin(PickingJobStore.TableName);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None));
        outage.End();

        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal(0, await Outbox(warehouse).DrainAsync(CancellationToken.None));
        Assert.Empty(warehouse.Publisher.Messages);
    }

    private static PickingFloorOutbox Outbox(WarehouseHarness warehouse) =>
        new(warehouse.Store, warehouse.Publisher, NullLogger<PickingFloorOutbox>.Instance);
}
