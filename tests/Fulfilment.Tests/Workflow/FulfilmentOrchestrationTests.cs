using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// The orchestration on the real Durable engine with the real activities over Azurite: the paths the replay
/// scenarios (tests/Fulfilment.Tests/Sandbox/Scenarios, run end to end by ReplayScenarioTests) cannot reach —
/// failing steps and compensations, early, duplicate and stray events, the bounded status, settings taken from the
/// input. Each path is tested here or there, not both.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FulfilmentOrchestrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_Delivered_TimelineNamesEveryStepAndEventInOrder()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();

        await order.DispatchAsync();
        await order.RaiseAsync(WorkflowEvents.ShipmentDelivered, order.Delivered());
        var status = await order.FinishedAsync();

        Assert.Equal(FulfilmentOutcome.Completed, status.Outcome);
        Assert.Equal(
            [nameof(LinkReservationStep), nameof(CreatePickingJobStep), WorkflowEvents.OrderPacked, nameof(PublishReadyForShippingStep),
             WorkflowEvents.ShipmentCreated, WorkflowEvents.ShipmentDelivered, nameof(ConsumeReservationStep), nameof(FulfilmentOutcome.Completed)],
            status.Timeline.Select(t => t.Name));
        Assert.Equal((order.ReservationId, order.ShipmentId, "TRACK-1"), (status.ReservationId!.Value, status.ShipmentId!.Value, status.TrackingNumber));
        Assert.Equal((3, 4, 3), (status.EventsReceived, status.ActivitiesCalled, status.TimersCreated));
    }

    [Fact]
    public async Task Run_SettingsInTheInput_GovernTheWaitWhateverTheAppSettings()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);

        await order.StartAsync(WorkflowEngineHarness.Settings with { PickingTimeout = TimeSpan.FromSeconds(1) });
        var status = await order.FinishedAsync();

        Assert.Equal((FulfilmentOutcome.Failed, "PICKING_TIMEOUT"), (status.Outcome, status.Reason?[..15]));
        Assert.Equal(FulfilmentFailureReason.PickingTimeout, order.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Fact]
    public async Task Run_StepFailsOnce_IsRetriedAndTheOrderGoesOn()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();

        var packed = await order.PackOnTheFloorAsync();
        order.Published.FailNext(1);
        await order.RaiseAsync(WorkflowEvents.OrderPacked, packed);
        var status = await order.ParkedInAsync(WorkflowStage.AwaitingShipment);

        Assert.Contains(status.Timeline, t => t.Name == nameof(PublishReadyForShippingStep));
        Assert.Single(order.Published.Named(MessageNames.OrderReadyForShipping));
    }

    [Fact]
    public async Task Run_ForwardStepFailsOnEveryAttempt_CompensatesWithStepFailedAndTheStockIsBackOnSale()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();

        var packed = await order.PackOnTheFloorAsync();
        order.Published.FailNext(WorkflowEngineHarness.Settings.StepRetry.MaxAttempts);
        await order.RaiseAsync(WorkflowEvents.OrderPacked, packed);
        var status = await order.FinishedAsync();

        var failed = order.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed);
        Assert.Equal((FulfilmentFailureReason.StepFailed, nameof(WorkflowStage.PublishingReadyForShipping)), (failed.Reason, failed.Stage));
        Assert.Equal(FulfilmentOutcome.Failed, status.Outcome);
        Assert.Contains(nameof(PublishReadyForShippingStep), failed.Detail, StringComparison.Ordinal);
        var stock = await order.StockAsync();
        Assert.Equal((WorkflowEngineHarness.InitialStock, 0), (stock!.Available, stock.Reserved));
    }

    [Fact]
    public async Task Run_ReleaseFailsOnEveryAttempt_EndsCompensationFailedWithTheStockStillHeld()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);

        order.Outage.Begin(InventoryTable.BaseName);
        await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        var status = await order.FinishedAsync();
        order.Outage.End();

        Assert.Equal(FulfilmentOutcome.CompensationFailed, status.Outcome);
        Assert.StartsWith($"{nameof(ReleaseReservationStep)} failed while compensating ORDER_CANCELLED", status.Reason, StringComparison.Ordinal);
        Assert.Equal(FulfilmentFailureReason.CompensationFailed, order.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
        Assert.Equal(WorkflowEngineHarness.Ordered, (await order.StockAsync())!.Reserved);
    }

    [Fact]
    public async Task Run_CancellingThePickingJobFails_EndsCompensationFailedAndTheReleaseIsNotRun()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);

        order.Outage.Begin(PickingJobStore.TableName);
        await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        var status = await order.FinishedAsync();
        order.Outage.End();

        Assert.Equal(FulfilmentOutcome.CompensationFailed, status.Outcome);
        Assert.EndsWith("not run: ReleaseReservation", status.Reason, StringComparison.Ordinal);
        Assert.Equal(ReservationStatus.Held, (await order.ReservationAsync())!.Status);
    }

    [Fact]
    public async Task Run_OutcomeCannotBePublished_EndsCompensationFailedAfterTheUndoSteps()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);

        order.Published.Unavailable = true;
        await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        var status = await order.FinishedAsync();

        Assert.Equal(FulfilmentOutcome.CompensationFailed, status.Outcome);
        Assert.StartsWith(nameof(PublishFulfilmentCancelledStep), status.Reason, StringComparison.Ordinal);
        Assert.Equal((WorkflowEngineHarness.InitialStock, 0), ((await order.StockAsync())!.Available, (await order.StockAsync())!.Reserved));
    }

    [Fact]
    public async Task Run_ConsumingFailsAfterDelivery_EndsCompensationFailedWithTheStockStillHeld()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.DispatchAsync();

        order.Outage.Begin(InventoryTable.BaseName);
        await order.RaiseAsync(WorkflowEvents.ShipmentDelivered, order.Delivered());
        var status = await order.FinishedAsync();
        order.Outage.End();

        Assert.Equal(FulfilmentOutcome.CompensationFailed, status.Outcome);
        Assert.StartsWith("delivered, but", status.Reason, StringComparison.Ordinal);
        Assert.Equal(WorkflowEngineHarness.Ordered, (await order.StockAsync())!.Reserved);
    }

    [Fact]
    public async Task Run_ConsumingFailsLongerThanAForwardStepIsRetried_StillCompletes()
    {
        var settings = WorkflowEngineHarness.Settings with { CompensationRetry = new RetrySettings(6, TimeSpan.FromMilliseconds(50), 1) };
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync(settings);
        await order.DispatchAsync();

        order.Outage.FailNext(InventoryTable.BaseName, settings.StepRetry.MaxAttempts + 1);
        await order.RaiseAsync(WorkflowEvents.ShipmentDelivered, order.Delivered());
        var status = await order.FinishedAsync();

        Assert.Equal(FulfilmentOutcome.Completed, status.Outcome);
        Assert.Equal((0, WorkflowEngineHarness.Ordered), ((await order.StockAsync())!.Reserved, (await order.StockAsync())!.Consumed));
    }

    [Fact]
    public async Task Run_CancelledWhileLinking_IsHonouredAtTheFirstWait()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);

        await order.StartAsync();
        await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        var status = await order.FinishedAsync();

        Assert.Equal(FulfilmentOutcome.Cancelled, status.Outcome);
        Assert.Equal(nameof(WorkflowStage.AwaitingPacking), order.Published.Single<FulfilmentCancelled>(MessageNames.FulfilmentCancelled).Stage);
        Assert.Equal(PickingJobStatus.Cancelled, (await order.Get<PickingJobStore>().GetAsync(order.OrderId, CancellationToken.None))!.Status);
        Assert.Equal((WorkflowEngineHarness.InitialStock, 0), ((await order.StockAsync())!.Available, (await order.StockAsync())!.Reserved));
    }

    [Fact]
    public async Task Run_ShipmentEventsBeforePacking_AreKeptForTheShipmentAndDeliveryWaits()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);

        await order.RaiseAsync(WorkflowEvents.ShipmentCreated, order.Created());
        await order.RaiseAsync(WorkflowEvents.ShipmentDelivered, order.Delivered());
        await order.PackAsync();
        var status = await order.FinishedAsync();

        Assert.Equal(FulfilmentOutcome.Completed, status.Outcome);
        Assert.Equal(order.ShipmentId, status.ShipmentId);
        Assert.Equal(WorkflowEngineHarness.Ordered, (await order.StockAsync())!.Consumed);
    }

    [Fact]
    public async Task Run_PackedTwice_TheDuplicateIsCountedAndChangesNothing()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.PackAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingShipment);

        await order.RaiseAsync(WorkflowEvents.OrderPacked, order.Published.Single<OrderPacked>(MessageNames.OrderPacked));
        await Eventually(async () => (await order.StatusAsync())!.EventsIgnored == 1);
        var status = await order.ParkedInAsync(WorkflowStage.AwaitingShipment);

        Assert.Single(order.Published.Named(MessageNames.OrderReadyForShipping));
        Assert.Equal(2, status.EventsReceived);
    }

    [Fact]
    public async Task Run_StrayEvents_AreIgnoredAndTheWaitGoesOn()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);

        await order.RaiseAsync(WorkflowEvents.OrderPacked, new OrderPacked(order.OrderId, DateTimeOffset.UtcNow, Guid.NewGuid(), 1));
        await order.RaiseAsync(WorkflowEvents.ReleaseRequested, new ReleaseInventory(Guid.NewGuid(), ReleaseReason.OrderCancelled));
        await Eventually(async () => (await order.StatusAsync())!.EventsIgnored == 2);
        await order.DispatchAsync();
        await order.RaiseAsync(WorkflowEvents.ShipmentDelivered, order.Delivered(Guid.NewGuid()));
        await Eventually(async () => (await order.StatusAsync())!.EventsIgnored == 3);
        var status = await order.ParkedInAsync(WorkflowStage.AwaitingDelivery);

        Assert.Null(status.Outcome);
        Assert.Equal(WorkflowEngineHarness.Ordered, (await order.StockAsync())!.Reserved);
    }

    [Fact]
    public async Task Run_TwoHundredEventsToOneOrder_StatusStaysFarBelowDurablesLimit()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.DispatchAsync();

        for (var i = 0; i < 200; i++)
        {
            await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        }

        await Eventually(async () => (await order.StatusAsync())!.EventsReceived == 202);
        var serialized = await order.SerializedStatusAsync();

        Assert.True(serialized.Length < 4096, $"custom status is {serialized.Length} characters");
        Assert.Single(order.Published.Named(MessageNames.OrderCancellationRefused));
        Assert.Equal(199, (await order.StatusAsync())!.EventsIgnored);
    }

    [Fact]
    public async Task Run_ReservationLinkedToAnotherOrder_FailsAtOnceAndLeavesItAlone()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var other = Guid.NewGuid();
        await order.Get<ReservationLedger>().LinkAsync(order.ReservationId, other, CancellationToken.None);

        await order.StartAsync();
        var status = await order.FinishedAsync();

        Assert.Equal(FulfilmentOutcome.Failed, status.Outcome);
        Assert.Equal(FulfilmentFailureReason.ReservationNotFound, order.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
        var reservation = await order.ReservationAsync();
        Assert.Equal((ReservationStatus.Held, other), (reservation!.Status, reservation.OrderId!.Value));
    }

    [Fact]
    public async Task CancelledBeforeStart_OutcomeCannotBePublished_EndsCompensationFailed()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        order.Published.Unavailable = true;

        await order.Host().StartCancelledBeforeStartAsync(order.Cancelled(), CancellationToken.None);
        var status = await order.FinishedAsync();

        Assert.Equal((FulfilmentOutcome.CompensationFailed, WorkflowStage.Finished), (status.Outcome, status.Stage));
        Assert.EndsWith("fulfilment-cancelled not published", status.Reason, StringComparison.Ordinal);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
