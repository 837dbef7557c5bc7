using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Tests.Contracts;
using Fulfilment.Tests.Inventory;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// What <see cref="FulfilmentReconciler"/> decides for a carrier event that reached an ended fulfilment, over the real
/// ledger on Azurite: what happens to the books and what fulfilment-reconciled says.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FulfilmentReconcilerTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly Guid orderId = Guid.NewGuid();
    private readonly Guid shipmentId = Guid.NewGuid();
    private readonly RecordingPublisher published = new();

    [Fact]
    public async Task ReconcileDeliveredAsync_Completed_PublishesNothingAndLeavesTheBooks()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: true);
        await inventory.Ledger.ConsumeAsync(reservationId, None);

        var reconciled = await Reconciler(inventory).ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Completed, reservationId), Delivered(), None);

        Assert.Null(reconciled);
        Assert.Empty(published.Messages);
        Assert.Equal((3, 0, 2, 0), await BooksAsync(inventory, product));
    }

    [Fact]
    public async Task ReconcileDeliveredAsync_CancelledWithTheStockBackOnSale_ReclaimsItAndPublishesWhatItDid()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: true);
        await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None);

        await Reconciler(inventory).ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Cancelled, reservationId), Delivered(), None);

        var message = Assert.Single(published.Named(MessageNames.FulfilmentReconciled));
        Assert.Equal(
            new FulfilmentReconciled(orderId, CarrierEventName.ShipmentDelivered, PreviousOutcome.Cancelled, ReconciliationAction.ReclaimedFromStock,
                inventory.Clock.GetUtcNow(), reservationId, shipmentId, 0, "the units had been put back on sale: taken back"),
            ContractJson.Deserialize<FulfilmentReconciled>(message.Body));
        Assert.Equal(
            (MessageIds.For(MessageNames.FulfilmentReconciled, $"{orderId:D}/{MessageNames.ShipmentDelivered}/{shipmentId:D}"), orderId.ToString()),
            (message.MessageId, message.CorrelationId));
        Assert.Empty((await SchemaFiles.OursAsync(MessageNames.FulfilmentReconciled)).Validate(message.Body));
        Assert.Equal((3, 0, 2, 0), await BooksAsync(inventory, product));
    }

    [Fact]
    public async Task ReconcileDeliveredAsync_UnitsSoldAgain_ReportsTheShortfall()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: true);
        await inventory.Ledger.ReleaseAsync(reservationId, "PICKING_TIMEOUT", None);
        await inventory.ReservedAsync((product, 4));

        var reconciled = await Reconciler(inventory).ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Failed, reservationId), Delivered(), None);

        Assert.Equal((ReconciliationAction.ReclaimedFromStock, 1, PreviousOutcome.Failed), (reconciled!.Action, reconciled.Shortfall, reconciled.PreviousOutcome));
        Assert.Contains(product.ToString("D"), reconciled.Detail, StringComparison.Ordinal);
        Assert.True((await inventory.StockOfAsync(product)).NeedsCount);
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReconcileDeliveredAsync_CompensationFailedWithTheReservationStillHeld_ConsumesIt()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: true);

        var reconciled = await Reconciler(inventory).ReconcileDeliveredAsync(Ended(FulfilmentOutcome.CompensationFailed, reservationId), Delivered(), None);

        Assert.Equal((ReconciliationAction.Consumed, (int?)null), (reconciled!.Action, reconciled.Shortfall));
        Assert.Equal((3, 0, 2, 0), await BooksAsync(inventory, product));
    }

    [Fact]
    public async Task ReconcileDeliveredAsync_WrittenOffBefore_NothingToDo()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: true);
        await inventory.Ledger.WriteOffAsync(reservationId, "DELIVERY_TIMEOUT", None);

        var reconciled = await Reconciler(inventory).ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Failed, reservationId), Delivered(), None);

        Assert.Equal(ReconciliationAction.NothingToDo, reconciled!.Action);
        Assert.Contains("DELIVERY_TIMEOUT", reconciled.Detail, StringComparison.Ordinal);
        Assert.Equal((3, 0, 2, 2), await BooksAsync(inventory, product));
    }

    [Fact]
    public async Task ReconcileDeliveredAsync_NoReservation_NothingToDo()
    {
        var (inventory, _, _) = await ReservationAsync(link: false);

        var reconciled = await Reconciler(inventory).ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Cancelled, reservationId: null), Delivered(), None);

        Assert.Equal((ReconciliationAction.NothingToDo, (Guid?)null), (reconciled!.Action, reconciled.ReservationId));
        Assert.Single(published.Named(MessageNames.FulfilmentReconciled));
    }

    [Fact]
    public async Task ReconcileDeliveredAsync_ReservationNotLinkedToTheOrder_NothingToDoAndUntouched()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: false);

        var reconciled = await Reconciler(inventory).ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Failed, reservationId), Delivered(), None);

        Assert.Equal(ReconciliationAction.NothingToDo, reconciled!.Action);
        Assert.Equal(ReservationStatus.Held, (await inventory.Ledger.GetAsync(reservationId, None))!.Status);
        Assert.Equal((3, 2, 0, 0), await BooksAsync(inventory, product));
    }

    [Fact]
    public async Task ReconcileDeliveredAsync_Redelivered_SameMessageIdAndActionAndTheStockChangedOnce()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: true);
        await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None);
        var reconciler = Reconciler(inventory);
        await reconciler.ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Cancelled, reservationId), Delivered(), None);

        await reconciler.ReconcileDeliveredAsync(Ended(FulfilmentOutcome.Cancelled, reservationId), Delivered(), None);

        var messages = published.Named(MessageNames.FulfilmentReconciled);
        Assert.Equal(messages[0].MessageId, messages[1].MessageId);
        Assert.Equal(messages[0].Body, messages[1].Body);
        Assert.Equal((3, 0, 2, 0), await BooksAsync(inventory, product));
    }

    [Fact]
    public async Task ReconcileCreatedAsync_Cancelled_NothingToDoUnderItsOwnMessageIdAndTheStockUntouched()
    {
        var (inventory, product, reservationId) = await ReservationAsync(link: true);
        await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None);

        var reconciled = await Reconciler(inventory).ReconcileCreatedAsync(
            Ended(FulfilmentOutcome.Cancelled, reservationId), new ShipmentCreated(shipmentId, orderId, "TRACK-1", DateTimeOffset.UtcNow), None);

        Assert.Equal((CarrierEventName.ShipmentCreated, ReconciliationAction.NothingToDo), (reconciled!.Event, reconciled.Action));
        var message = Assert.Single(published.Messages);
        Assert.Equal(MessageIds.For(MessageNames.FulfilmentReconciled, $"{orderId:D}/{MessageNames.ShipmentCreated}/{shipmentId:D}"), message.MessageId);
        Assert.Empty((await SchemaFiles.OursAsync(MessageNames.FulfilmentReconciled)).Validate(message.Body));
        Assert.Equal((5, 0, 0, 0), await BooksAsync(inventory, product));
    }

    [Fact]
    public async Task ReconcileCreatedAsync_Completed_PublishesNothing()
    {
        var (inventory, _, reservationId) = await ReservationAsync(link: true);

        var reconciled = await Reconciler(inventory).ReconcileCreatedAsync(
            Ended(FulfilmentOutcome.Completed, reservationId), new ShipmentCreated(shipmentId, orderId, "TRACK-1", DateTimeOffset.UtcNow), None);

        Assert.Null(reconciled);
        Assert.Empty(published.Messages);
    }

    /// <summary>A product with 5 units and a reservation of 2 of them, linked to the order or not.</summary>
    private async Task<(InventoryHarness Inventory, Guid ProductId, Guid ReservationId)> ReservationAsync(bool link)
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var product = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((product, 2));
        if (link)
        {
            Assert.Equal(ReservationOutcome.Applied, (await inventory.Ledger.LinkAsync(reservationId, orderId, None)).Outcome);
        }

        return (inventory, product, reservationId);
    }

    private static async Task<(int Available, int Reserved, int Consumed, int WrittenOff)> BooksAsync(InventoryHarness inventory, Guid productId)
    {
        var stock = await inventory.StockOfAsync(productId);
        return (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff);
    }

    private FulfilmentReconciler Reconciler(InventoryHarness inventory) =>
        new(inventory.Ledger, published, inventory.Clock, NullLogger<FulfilmentReconciler>.Instance);

    private FulfilmentStatus Ended(FulfilmentOutcome outcome, Guid? reservationId) =>
        (FulfilmentStatus.Begin(orderId) with { ReservationId = reservationId }).Finish(outcome, DateTimeOffset.UtcNow, outcome.ToString());

    private ShipmentDelivered Delivered() => new(shipmentId, orderId, DateTimeOffset.UtcNow);
}
