using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Tests.Warehouse;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fulfilment.Tests.CrashBoundaries;

/// <summary>
/// docs/crash-boundaries.md, workflow and drain: an activity runs at least once — it may publish and stop before
/// Durable records its result, and then it runs again. The publishing steps republish the same MessageId; the picking
/// timeout's cancel step reports the same job. The drain, stopped between its publish and its delete, republishes
/// the same MessageId on its next run and nothing else.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkflowCrashBoundaryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PublishReadyForShippingStep_PublishedThenCrashBeforeItsResultWasRecorded_RerunPublishesTheSameMessageId()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Packed);
        var step = new PublishReadyForShippingStep(warehouse.Jobs);
        var request = new PublishReadyForShippingStep.Request(job.OrderId, Guid.NewGuid(), Tests.Workflow.FulfilmentOrderBuilder.Address, ShippingService.Standard);

        await step.RunAsync(request, None);
        await step.RunAsync(request, None);

        var messages = warehouse.Publisher.Named(MessageNames.OrderReadyForShipping);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0], messages[1]);
    }

    [Fact]
    public async Task PublishFulfilmentFailedStep_FailedThenRetried_PublishesOneMessageId()
    {
        var publisher = new RecordingPublisher();
        var step = new PublishFulfilmentFailedStep(publisher);
        var failed = new FulfilmentFailed(Guid.NewGuid(), FulfilmentFailureReason.PickingTimeout, "AwaitingPacking", DateTimeOffset.UtcNow);
        publisher.FailNext(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => step.RunAsync(failed, None));

        await step.RunAsync(failed, None);
        await step.RunAsync(failed, None);

        Assert.Single(publisher.Messages.Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task CancelPickingJobStep_AtTheTimeoutCancelledThenCrashBeforeItsResultWasRecorded_RerunReportsTheSameShortPick()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Short);
        var step = new CancelPickingJobStep(warehouse.Jobs);

        var first = await step.RunAsync(new CancelPickingJobStep.Request(job.OrderId, "PICKING_TIMEOUT"), None);
        var rerun = await step.RunAsync(new CancelPickingJobStep.Request(job.OrderId, "PICKING_TIMEOUT"), None);

        Assert.Equal((true, "CANCELLED"), (rerun.Cancelled, rerun.JobStatus));
        Assert.Equal(first.ShortPick, rerun.ShortPick);
        Assert.Equal(job.ShortPick!.ProductId, rerun.ShortPick!.ProductId);
    }

    [Fact]
    public async Task Drain_PublishedThenCrashBeforeTheOutboxDelete_NextRunRepublishesTheSameMessageIdOnly()
    {
        var outage = new TableOutage();
        var warehouse = await WarehouseHarness.CreateAsync(azurite.NewTables(outage));
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Picking);
        warehouse.Publisher.FailNext(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.Floor.PackAsync(job.OrderId, FloorCaller.Picker("picker-1"), 2, None));
        var crashing = new PublishThenCrash(warehouse.Publisher) { Then = () => outage.FailNext(PickingJobStore.TableName, 10) };
        var failed = await Assert.ThrowsAsync<AggregateException>(() => new PickingFloorOutbox(warehouse.Store, crashing, NullLogger<PickingFloorOutbox>.Instance).DrainAsync(None));
        Assert.IsAssignableFrom<Azure.RequestFailedException>(Assert.Single(failed.InnerExceptions));
        outage.End();

        var next = await new PickingFloorOutbox(warehouse.Store, warehouse.Publisher, NullLogger<PickingFloorOutbox>.Instance).DrainAsync(None);

        Assert.Equal(1, next);
        Assert.Single(warehouse.Publisher.Messages.Select(m => m.MessageId).Distinct());
        Assert.Equal(0, await new PickingFloorOutbox(warehouse.Store, warehouse.Publisher, NullLogger<PickingFloorOutbox>.Instance).DrainAsync(None));
    }
}
