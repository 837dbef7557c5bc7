using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Tests.Warehouse;
using Fulfilment.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fulfilment.Tests.CrashBoundaries;

/// <summary>
/// docs/crash-boundaries.md, picking floor: the pack or short pick and its event are one transaction (job row +
/// outbox row); the event is published and the outbox row deleted after it. A crash between the write and the publish
/// is completed by the drain of another process; a crash between the publish and the delete makes the drain publish
/// the same MessageId again, and nothing else.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingFloorCrashBoundaryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(MessageNames.OrderPacked)]
    [InlineData(MessageNames.OrderShortPicked)]
    public async Task Transition_WrittenThenCrashBeforePublish_AnotherProcessDrainsTheEventOnce(string eventName)
    {
        var tables = azurite.NewTables();
        var crashed = await WarehouseHarness.CreateAsync(tables);
        var job = await crashed.ArrangeJobAsync(PickingJobStatus.Picking);
        crashed.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => TransitionAsync(crashed.Floor, job, eventName));

        var restarted = await WarehouseHarness.CreateAsync(tables);
        await Drain(restarted, restarted.Publisher).DrainAsync(None);
        await Drain(restarted, restarted.Publisher).DrainAsync(None);

        var published = Assert.Single(restarted.Publisher.Messages);
        Assert.Equal((eventName, MessageIds.For(eventName, job.OrderId.ToString("D"))), (published.Name, published.MessageId));
    }

    [Fact]
    public async Task Pack_PublishedThenCrashBeforeTheOutboxDelete_TheDrainRepublishesTheSameMessageIdOnly()
    {
        var outage = new TableOutage();
        var tables = azurite.NewTables(outage);
        var warehouse = await WarehouseHarness.CreateAsync(tables);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        var crashing = new PublishThenCrash(warehouse.Publisher) { Then = () => outage.FailNext(PickingJobStore.TableName, 10) };
        var floor = new PickingFloorHandler(warehouse.Store, crashing, warehouse.Clock, Options.Create(new WarehouseOptions()), NullLogger<PickingFloorHandler>.Instance);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, None));
        outage.End();

        var drained = await Drain(warehouse, warehouse.Publisher).DrainAsync(None);

        Assert.Equal(1, drained);
        Assert.Single(warehouse.Publisher.Named(MessageNames.OrderPacked).Select(m => m.MessageId).Distinct());
        Assert.Equal(2, warehouse.Publisher.Named(MessageNames.OrderPacked).Count);
        Assert.Equal(0, await Drain(warehouse, warehouse.Publisher).DrainAsync(None));
    }

    [Fact]
    public async Task Pack_RepeatedByTheDeviceAfterACrash_OneWriteAndTheSameMessage()
    {
        var tables = azurite.NewTables();
        var crashed = await WarehouseHarness.CreateAsync(tables);
        var job = await crashed.ArrangeJobAsync(PickingJobStatus.Picking);
        crashed.Publisher.FailNext(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashed.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, None));

        var restarted = await WarehouseHarness.CreateAsync(tables);
        var repeated = await restarted.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, None);

        Assert.Equal((PickingOutcomeKind.Packed, false), (repeated.Kind, repeated.Changed));
        Assert.Single(restarted.Publisher.Named(MessageNames.OrderPacked));
        Assert.Equal(0, await Drain(restarted, restarted.Publisher).DrainAsync(None));
    }

    private static Task<PickingJobOutcome> TransitionAsync(PickingFloorHandler floor, PickingJob job, string eventName) =>
        eventName == MessageNames.OrderPacked
            ? floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, None)
            : floor.ReportShortAsync(job.OrderId, FloorCaller.Picker("picker-1"), job.Lines[0].ProductId, 0, "shelf empty", None);

    private static PickingFloorOutbox Drain(WarehouseHarness warehouse, IMessagePublisher publisher) =>
        new(warehouse.Store, publisher, NullLogger<PickingFloorOutbox>.Instance);
}
