using Fulfilment.Contracts;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// The picking timeout on the real Durable engine, when the picking floor's event never reached the order: the run
/// cancels the job and ends by what the job was. The job is made SHORT or PACKED before the order starts (creating it
/// is idempotent per order), so that the timeout always finds it so.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingTimeoutTests(AzuriteFixture azurite)
{
    private static readonly WorkflowSettings TimesOut = WorkflowEngineHarness.Settings with { PickingTimeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Timeout_JobShortPickedAndItsEventLost_EndsShortPickWithTheMissingUnitsWrittenOff()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var job = await JobAsync(order);
        await order.Get<PickingFloorHandler>().ReportShortAsync(order.OrderId, FloorCaller.Picker("picker-1"), job.Lines[0].ProductId, 1, "shelf empty", CancellationToken.None);

        await order.StartAsync(TimesOut);
        var status = await order.FinishedAsync();

        Assert.Equal((FulfilmentOutcome.Failed, "SHORT_PICK"), (status.Outcome, status.Reason?[..10]));
        Assert.Equal(FulfilmentFailureReason.ShortPick, order.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
        var stock = await order.StockAsync();
        var missing = WorkflowEngineHarness.Ordered - 1;
        Assert.Equal((WorkflowEngineHarness.InitialStock - missing, 0, missing), (stock!.Available, stock.Reserved, stock.WrittenOff));
        Assert.Equal(PickingJobStatus.Cancelled, (await order.Get<PickingJobHandler>().GetAsync(order.OrderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Timeout_JobPackedAndItsEventLost_GoesOnToShippingAndRestocksNothing()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await JobAsync(order);
        await order.Get<PickingFloorHandler>().PackAsync(order.OrderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None);
        var lostEvent = order.Published.Single<OrderPacked>(MessageNames.OrderPacked);

        await order.StartAsync(TimesOut);
        await order.ParkedInAsync(WorkflowStage.AwaitingShipment);
        await order.RaiseAsync(WorkflowEvents.OrderPacked, lostEvent); // late: ignored
        await order.RaiseAsync(WorkflowEvents.ShipmentCreated, order.Created());
        await order.RaiseAsync(WorkflowEvents.ShipmentDelivered, order.Delivered());
        var status = await order.FinishedAsync();

        Assert.Equal(FulfilmentOutcome.Completed, status.Outcome);
        Assert.Equal(2, order.Published.Single<OrderReadyForShipping>(MessageNames.OrderReadyForShipping).ParcelCount);
        Assert.Equal(1, status.EventsIgnored);
        Assert.Empty(order.Published.Named(MessageNames.FulfilmentFailed));
        var stock = await order.StockAsync();
        Assert.Equal((WorkflowEngineHarness.InitialStock - WorkflowEngineHarness.Ordered, 0, WorkflowEngineHarness.Ordered), (stock!.Available, stock.Reserved, stock.Consumed));
    }

    [Fact]
    public async Task Timeout_JobStillPicking_CancelsItOnceAndRestocks()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await JobAsync(order);

        await order.StartAsync(TimesOut);
        var status = await order.FinishedAsync();

        Assert.Equal((FulfilmentOutcome.Failed, "PICKING_TIMEOUT"), (status.Outcome, status.Reason?[..15]));
        Assert.Single(status.Timeline, t => t.Name == nameof(CancelPickingJobStep));
        Assert.Equal(PickingJobStatus.Cancelled, (await order.Get<PickingJobHandler>().GetAsync(order.OrderId, CancellationToken.None))!.Status);
        Assert.Equal((WorkflowEngineHarness.InitialStock, 0), ((await order.StockAsync())!.Available, (await order.StockAsync())!.Reserved));
    }

    /// <summary>The order's job as the workflow would create it, started by picker-1.</summary>
    private static async Task<PickingJob> JobAsync(WorkflowEngineHarness order)
    {
        await order.Get<PickingJobHandler>().CreateAsync(order.OrderId, [new LineItem(order.ProductId, WorkflowEngineHarness.Ordered)], CancellationToken.None);
        return (await order.Get<PickingFloorHandler>().StartAsync(order.OrderId, FloorCaller.Picker("picker-1"), CancellationToken.None)).Job!;
    }
}
