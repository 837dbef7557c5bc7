using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Tests.Contracts;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// A carrier event for an order whose fulfilment has ended, end to end on the real Durable engine: the order's
/// orchestration runs to its end, then the carrier's event goes through <see cref="WorkflowDispatcher"/> and the app's
/// <see cref="DurableWorkflowHost"/>, which finds the instance finished and reconciles it over the real ledger.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FulfilmentReconciliationTests(AzuriteFixture azurite)
{
    private const int Initial = WorkflowEngineHarness.InitialStock;
    private const int Ordered = WorkflowEngineHarness.Ordered;

    [Fact]
    public async Task Dispatch_DeliveredAfterACancellationWhilePacking_TakesTheUnitsBackFromSaleAndTellsOrdering()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await CancelledWhilePackingAsync(order);

        var settlement = await DeliverAsync(order);

        Assert.Equal(Settlement.Complete, settlement);
        var reconciled = order.Published.Single<FulfilmentReconciled>(MessageNames.FulfilmentReconciled);
        Assert.Equal(
            (CarrierEventName.ShipmentDelivered, PreviousOutcome.Cancelled, ReconciliationAction.ReclaimedFromStock, order.ReservationId, order.ShipmentId, 0),
            (reconciled.Event, reconciled.PreviousOutcome, reconciled.Action, reconciled.ReservationId!.Value, reconciled.ShipmentId!.Value, reconciled.Shortfall!.Value));
        Assert.Empty((await SchemaFiles.OursAsync(MessageNames.FulfilmentReconciled)).Validate(order.Published.Named(MessageNames.FulfilmentReconciled)[0].Body));
        var stock = await order.StockAsync();
        Assert.Equal((Initial - Ordered, 0, Ordered, false), (stock!.Available, stock.Reserved, stock.Consumed, stock.NeedsCount));
        Assert.True(stock.IsBalanced);
        var reservation = await order.ReservationAsync();
        Assert.Equal((ReservationStatus.Consumed, ReleaseReasons.DeliveredAfterRelease), (reservation!.Status, reservation.Reason));
    }

    [Fact]
    public async Task Dispatch_DeliveredAfterItsUnitsWereSoldAgain_TakesWhatIsLeftAndFlagsTheProductForACount()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await CancelledWhilePackingAsync(order);
        var resold = await order.Get<ReserveInventoryHandler>()
            .HandleAsync(new ReserveInventory(Guid.NewGuid(), [new LineItem(order.ProductId, Initial - 1)]), CancellationToken.None);
        Assert.Equal(ReserveStatus.Reserved, resold.Status);

        await DeliverAsync(order);

        Assert.Equal(Ordered - 1, order.Published.Single<FulfilmentReconciled>(MessageNames.FulfilmentReconciled).Shortfall);
        var stock = await order.StockAsync();
        Assert.Equal((0, Initial - 1, 1, true), (stock!.Available, stock.Reserved, stock.Consumed, stock.NeedsCount));
        Assert.True(stock.IsBalanced);
    }

    [Fact]
    public async Task Dispatch_DeliveredAfterTheDeliveryTimeoutWroteItOff_NothingToDoAndTheBooksUnchanged()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync(WorkflowEngineHarness.Settings with { DeliveryTimeout = TimeSpan.FromSeconds(1) });
        await order.PackAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingShipment);
        await order.RaiseAsync(WorkflowEvents.ShipmentCreated, order.Created());
        var ended = await order.FinishedAsync();
        Assert.Equal((FulfilmentOutcome.Failed, FulfilmentFailureReason.DeliveryTimeout),
            (ended.Outcome, order.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason));

        await DeliverAsync(order);

        var reconciled = order.Published.Single<FulfilmentReconciled>(MessageNames.FulfilmentReconciled);
        Assert.Equal((PreviousOutcome.Failed, ReconciliationAction.NothingToDo), (reconciled.PreviousOutcome, reconciled.Action));
        var stock = await order.StockAsync();
        Assert.Equal((Initial - Ordered, 0, Ordered, Ordered), (stock!.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
        Assert.True(stock.IsBalanced);
    }

    [Fact]
    public async Task Dispatch_DeliveredAgainAfterTheOrderCompleted_CompletesAndPublishesNothing()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        await order.StartAsync();
        await order.DispatchAsync();
        await order.RaiseAsync(WorkflowEvents.ShipmentDelivered, order.Delivered());
        Assert.Equal(FulfilmentOutcome.Completed, (await order.FinishedAsync()).Outcome);

        var settlement = await DeliverAsync(order);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Empty(order.Published.Named(MessageNames.FulfilmentReconciled));
        Assert.Equal(Ordered, (await order.StockAsync())!.Consumed);
    }

    /// <summary>The order is cancelled while it waits for packing: picking job cancelled, its stock back on sale.</summary>
    private static async Task CancelledWhilePackingAsync(WorkflowEngineHarness order)
    {
        await order.StartAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);
        await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        Assert.Equal(FulfilmentOutcome.Cancelled, (await order.FinishedAsync()).Outcome);
        Assert.Equal(Initial, (await order.StockAsync())!.Available);
    }

    /// <summary>The carrier's shipment-delivered, as an adapter hands it to the dispatcher.</summary>
    private static Task<Settlement?> DeliverAsync(WorkflowEngineHarness order) =>
        order.Get<WorkflowDispatcher>().DispatchAsync(order.Host(), MessageNames.ShipmentDelivered, ContractJson.Serialize(order.Delivered()));
}
