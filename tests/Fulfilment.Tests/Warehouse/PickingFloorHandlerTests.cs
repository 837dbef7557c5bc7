using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;

namespace Fulfilment.Tests.Warehouse;

/// <summary>The picking floor's operations against Azurite: start (and its race), pack, short pick, refusals.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingFloorHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StartAsync_Created_StoredAsPickingByThatPicker()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Created);

        var outcome = await warehouse.Floor.StartAsync(job.OrderId, FloorCaller.Picker("picker-4"), CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Started, true), (outcome.Kind, outcome.Changed));
        var stored = await warehouse.Jobs.GetAsync(job.OrderId, CancellationToken.None);
        Assert.Equal((PickingJobStatus.Picking, "picker-4"), (stored!.Status, stored.Picker));
    }

    [Fact]
    public async Task StartAsync_TwoPickersRacing_ExactlyOneStartedAndTheOtherConflict()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        for (var round = 0; round < 5; round++)
        {
            var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Created);

            var outcomes = await Task.WhenAll(
                Task.Run(() => warehouse.Floor.StartAsync(job.OrderId, FloorCaller.Picker("alice"), CancellationToken.None)),
                Task.Run(() => warehouse.Floor.StartAsync(job.OrderId, FloorCaller.Picker("bob"), CancellationToken.None)));

            var winner = Assert.Single(outcomes, o => o.Kind == PickingOutcomeKind.Started);
            Assert.Single(outcomes, o => o.Kind == PickingOutcomeKind.Conflict);
            var stored = await warehouse.Jobs.GetAsync(job.OrderId, CancellationToken.None);
            Assert.Equal(winner.Job!.Picker, stored!.Picker);
        }
    }

    [Fact]
    public async Task PackAsync_Picking_StoredAsPackedAndPublishesOrderPacked()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        warehouse.Clock.Advance(TimeSpan.FromMinutes(12));

        var outcome = await warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 3, CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Packed, true), (outcome.Kind, outcome.Changed));
        var packedAt = WarehouseHarness.Start.AddMinutes(12);
        var stored = await warehouse.Jobs.GetAsync(job.OrderId, CancellationToken.None);
        Assert.Equal((PickingJobStatus.Packed, 3, packedAt), (stored!.Status, stored.ParcelCount, stored.PackedAt));
        var message = Assert.Single(warehouse.Publisher.Named(MessageNames.OrderPacked));
        Assert.Equal((MessageIds.For(MessageNames.OrderPacked, job.OrderId.ToString("D")), job.OrderId.ToString()), (message.MessageId, message.CorrelationId));
        Assert.Equal(new OrderPacked(job.OrderId, packedAt, job.JobId, 3), ContractJson.Deserialize<OrderPacked>(message.Body));
    }

    [Fact]
    public async Task PackAsync_Picking_PublishedBodyPassesTheContract()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);

        await warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 1, CancellationToken.None);

        var parsed = MessageParser.Parse<OrderPacked>(Assert.Single(warehouse.Publisher.Named(MessageNames.OrderPacked)).Body);
        Assert.True(parsed.IsValid, parsed.Describe());
    }

    [Fact]
    public async Task PackAsync_Twice_SameMessageRepublishedAndOneWrite()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        await warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None);
        var afterFirst = await warehouse.SnapshotAsync();
        warehouse.Clock.Advance(TimeSpan.FromMinutes(1));

        var second = await warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Packed, false), (second.Kind, second.Changed));
        Assert.Equal(afterFirst, await warehouse.SnapshotAsync());
        var messages = warehouse.Publisher.Named(MessageNames.OrderPacked);
        Assert.Equal(messages[0], messages[1]);
    }

    [Fact]
    public async Task PackAsync_PublishFailedAfterWrite_RetryPublishesTheSameMessage()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        warehouse.Publisher.FailNextWith = new TimeoutException("bus unavailable");
        await Assert.ThrowsAsync<TimeoutException>(() => warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None));
        warehouse.Clock.Advance(TimeSpan.FromMinutes(1));

        var retried = await warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.Packed, retried.Kind);
        var packed = warehouse.Publisher.Single<OrderPacked>(MessageNames.OrderPacked);
        Assert.Equal(WarehouseHarness.Start, packed.PackedAt);
    }

    [Fact]
    public async Task ReportShortAsync_Picking_StoredAsShortAndPublishesOrderShortPicked()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        warehouse.Clock.Advance(TimeSpan.FromMinutes(7));

        var outcome = await warehouse.Floor.ReportShortAsync(job.OrderId, FloorCaller.Picker("picker-1"), Items.Widget, 1, "bin empty", CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.ShortPicked, true), (outcome.Kind, outcome.Changed));
        Assert.Equal(PickingJobStatus.Short, (await warehouse.Jobs.GetAsync(job.OrderId, CancellationToken.None))!.Status);
        var message = Assert.Single(warehouse.Publisher.Named(MessageNames.OrderShortPicked));
        Assert.Equal(MessageIds.For(MessageNames.OrderShortPicked, job.OrderId.ToString("D")), message.MessageId);
        Assert.Equal(new OrderShortPicked(job.OrderId, job.JobId, Items.Widget, 3, 1, "bin empty", WarehouseHarness.Start.AddMinutes(7)),
            ContractJson.Deserialize<OrderShortPicked>(message.Body));
    }

    [Fact]
    public async Task ReportShortAsync_Picking_PublishedBodyPassesTheContract()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);

        await warehouse.Floor.ReportShortAsync(job.OrderId, FloorCaller.Picker("picker-1"), Items.Gadget, 0, "bin empty", CancellationToken.None);

        var parsed = MessageParser.Parse<OrderShortPicked>(Assert.Single(warehouse.Publisher.Named(MessageNames.OrderShortPicked)).Body);
        Assert.True(parsed.IsValid, parsed.Describe());
    }

    [Fact]
    public async Task ReportShortAsync_Twice_SameMessageRepublishedAndOneWrite()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        await warehouse.Floor.ReportShortAsync(job.OrderId, FloorCaller.Picker("picker-1"), Items.Gadget, 0, "bin empty", CancellationToken.None);
        var afterFirst = await warehouse.SnapshotAsync();

        var second = await warehouse.Floor.ReportShortAsync(job.OrderId, FloorCaller.Picker("picker-1"), Items.Gadget, 0, "bin empty", CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.ShortPicked, false), (second.Kind, second.Changed));
        Assert.Equal(afterFirst, await warehouse.SnapshotAsync());
        var messages = warehouse.Publisher.Named(MessageNames.OrderShortPicked);
        Assert.Equal(messages[0], messages[1]);
    }

    [Theory]
    [InlineData(PickingJobStatus.Packed, "start")]
    [InlineData(PickingJobStatus.Cancelled, "start")]
    [InlineData(PickingJobStatus.Short, "start")]
    [InlineData(PickingJobStatus.Picking, "start-other-picker")]
    [InlineData(PickingJobStatus.Created, "pack")]
    [InlineData(PickingJobStatus.Cancelled, "pack")]
    [InlineData(PickingJobStatus.Short, "pack")]
    [InlineData(PickingJobStatus.Packed, "pack-other-count")]
    [InlineData(PickingJobStatus.Picking, "pack-zero")]
    [InlineData(PickingJobStatus.Created, "short")]
    [InlineData(PickingJobStatus.Packed, "short")]
    [InlineData(PickingJobStatus.Cancelled, "short")]
    [InlineData(PickingJobStatus.Short, "short-other-line")]
    [InlineData(PickingJobStatus.Picking, "short-unknown-product")]
    [InlineData(PickingJobStatus.Picking, "pack-other-picker")]
    [InlineData(PickingJobStatus.Picking, "short-other-picker")]
    [InlineData(PickingJobStatus.Packed, "pack-other-picker")]
    [InlineData(PickingJobStatus.Short, "short-other-picker")]
    [InlineData(PickingJobStatus.Packed, "cancel")]
    [InlineData(PickingJobStatus.Picking, "cancel-no-reason")]
    public async Task Operation_RefusedInStatus_ChangesNothingAndPublishesNothing(PickingJobStatus status, string operation)
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(status);
        var rowsBefore = await warehouse.SnapshotAsync();
        var messagesBefore = warehouse.Publisher.Messages.Count;
        warehouse.Clock.Advance(TimeSpan.FromMinutes(1));

        var outcome = await RunAsync(warehouse, job.OrderId, operation);

        Assert.False(outcome.Succeeded);
        Assert.Equal(rowsBefore, await warehouse.SnapshotAsync());
        Assert.Equal(messagesBefore, warehouse.Publisher.Messages.Count);
    }

    [Fact]
    public async Task ReportShortAsync_ByAnotherPicker_ForbiddenWithoutTheJobAndNothingPublished()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        var rowsBefore = await warehouse.SnapshotAsync();

        var outcome = await warehouse.Floor.ReportShortAsync(job.OrderId, FloorCaller.Picker("picker-2"), Items.Widget, 0, "nothing there", CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Forbidden, null, 403), (outcome.Kind, outcome.Job, outcome.StatusCode()));
        Assert.Equal(rowsBefore, await warehouse.SnapshotAsync());
        Assert.Empty(warehouse.Publisher.Messages);
    }

    [Fact]
    public async Task PackAsync_BySupervisorOnAnotherPickersJob_PackedAndPublished()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);

        var outcome = await warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Supervisor("supervisor-1"), 1, CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Packed, "picker-1"), (outcome.Kind, outcome.Job!.Picker));
        Assert.Single(warehouse.Publisher.Named(MessageNames.OrderPacked));
    }

    [Theory]
    [InlineData("start")]
    [InlineData("pack")]
    [InlineData("short")]
    public async Task Operation_UnknownOrder_NotFound(string operation)
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var outcome = await RunAsync(warehouse, Guid.NewGuid(), operation);

        Assert.Equal(PickingOutcomeKind.NotFound, outcome.Kind);
    }

    private static Task<PickingJobOutcome> RunAsync(WarehouseHarness warehouse, Guid orderId, string operation) => operation switch
    {
        "start" => warehouse.Floor.StartAsync(orderId, FloorCaller.Picker("picker-9"), CancellationToken.None),
        "start-other-picker" => warehouse.Floor.StartAsync(orderId, FloorCaller.Picker("picker-2"), CancellationToken.None),
        "pack" => warehouse.Floor.PackAsync(orderId, FloorCaller.Picker("picker-1"), 1, CancellationToken.None),
        "pack-other-count" => warehouse.Floor.PackAsync(orderId, FloorCaller.Picker("picker-1"), 4, CancellationToken.None),
        "pack-zero" => warehouse.Floor.PackAsync(orderId, FloorCaller.Picker("picker-1"), 0, CancellationToken.None),
        "short" => warehouse.Floor.ReportShortAsync(orderId, FloorCaller.Picker("picker-1"), Items.Widget, 1, "missing", CancellationToken.None),
        "short-other-line" => warehouse.Floor.ReportShortAsync(orderId, FloorCaller.Picker("picker-1"), Items.Gadget, 0, "missing", CancellationToken.None),
        "short-unknown-product" => warehouse.Floor.ReportShortAsync(orderId, FloorCaller.Picker("picker-1"), Guid.NewGuid(), 0, "missing", CancellationToken.None),
        "pack-other-picker" => warehouse.Floor.PackAsync(orderId, FloorCaller.Picker("picker-2"), 2, CancellationToken.None),
        "short-other-picker" => warehouse.Floor.ReportShortAsync(orderId, FloorCaller.Picker("picker-2"), Items.Widget, 0, "shelf empty", CancellationToken.None),
        "cancel" => warehouse.Jobs.CancelAsync(orderId, "ORDER_CANCELLED", CancellationToken.None),
        "cancel-no-reason" => warehouse.Jobs.CancelAsync(orderId, "", CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
