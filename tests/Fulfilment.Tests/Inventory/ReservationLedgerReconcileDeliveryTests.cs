using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// <see cref="ReservationLedger.ReconcileDeliveryAsync"/> over Azurite: a parcel delivered after its order's fulfilment
/// ended takes the reservation's units off the books whatever its state, once, and the books stay balanced.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReservationLedgerReconcileDeliveryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly Guid orderId = Guid.NewGuid();

    [Fact]
    public async Task ReconcileDeliveryAsync_HeldForTheOrder_ConsumedAsDelivered()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await LinkedAsync(inventory, (a, 2));

        var result = await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        Assert.Equal((ReservationOutcome.Applied, ReservationStatus.Consumed, ReleaseReasons.Delivered), (result.Outcome, result.Reservation!.Status, result.Reservation.Reason));
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((3, 0, 2, 0), (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReconcileDeliveryAsync_ReleasedAndStillOnSale_TakesTheUnitsBackFromSale()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await ReleasedAsync(inventory, (a, 2));

        var result = await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        Assert.Equal((ReservationOutcome.Applied, ReleaseReasons.DeliveredAfterRelease), (result.Outcome, result.Reservation!.Reason));
        Assert.Empty(result.Reservation.Shortfall);
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((3, 0, 2, false), (stock.Available, stock.Reserved, stock.Consumed, stock.NeedsCount));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReconcileDeliveryAsync_ReleasedUnitsSoldAgain_TakesWhatIsLeftRecordsTheShortfallAndFlagsForCount()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var b = await inventory.ProductAsync(5);
        var reservationId = await ReleasedAsync(inventory, (a, 3), (b, 1));
        var otherCart = await inventory.ReservedAsync((a, 4));

        var result = await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        Assert.Equal(ReservationOutcome.Applied, result.Outcome);
        Assert.Equal([new LineItem(a, 2)], result.Reservation!.Shortfall);
        var shelfA = await inventory.StockOfAsync(a);
        var shelfB = await inventory.StockOfAsync(b);
        Assert.Equal((0, 4, 1, true), (shelfA.Available, shelfA.Reserved, shelfA.Consumed, shelfA.NeedsCount));
        Assert.Equal((4, 0, 1, false), (shelfB.Available, shelfB.Reserved, shelfB.Consumed, shelfB.NeedsCount));
        Assert.Equal(ReservationStatus.Held, (await inventory.Ledger.GetAsync(otherCart, None))!.Status);
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReconcileDeliveryAsync_ReleasedAfterAShortPick_TakesBackOnlyWhatWentBackOnSale()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var reservationId = await LinkedAsync(inventory, (a, 4));
        await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(a, 1)], None);

        var result = await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        Assert.Equal([new LineItem(a, 1)], result.Reservation!.WrittenOff);
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((6, 0, 4, 1), (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReconcileDeliveryAsync_Twice_AlreadyAppliedTheStockChangedOnceAndTheShortfallKept()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(3);
        var reservationId = await ReleasedAsync(inventory, (a, 2));
        await inventory.ReservedAsync((a, 2));
        await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        var again = await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        Assert.Equal(ReservationOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal([new LineItem(a, 1)], (await inventory.Ledger.GetAsync(reservationId, None))!.Shortfall);
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((0, 2, 1), (stock.Available, stock.Reserved, stock.Consumed));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReconcileDeliveryAsync_WrittenOff_AlreadyAppliedAndNothingChanges()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await LinkedAsync(inventory, (a, 2));
        await inventory.Ledger.WriteOffAsync(reservationId, "DELIVERY_TIMEOUT", None);

        var result = await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        Assert.Equal((ReservationOutcome.AlreadyApplied, "DELIVERY_TIMEOUT"), (result.Outcome, result.Reservation!.Reason));
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((3, 0, 2, 2), (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
    }

    [Fact]
    public async Task ReconcileDeliveryAsync_NotLinkedToTheOrder_LinkedToAnotherOrderAndUntouched()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 2));

        var result = await inventory.Ledger.ReconcileDeliveryAsync(reservationId, orderId, None);

        Assert.Equal((ReservationOutcome.LinkedToAnotherOrder, ReservationStatus.Held), (result.Outcome, result.Reservation!.Status));
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((3, 2, 0), (stock.Available, stock.Reserved, stock.Consumed));
    }

    [Fact]
    public async Task ReconcileDeliveryAsync_Unknown_NotFound()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);

        var result = await inventory.Ledger.ReconcileDeliveryAsync(Guid.NewGuid(), orderId, None);

        Assert.Equal(ReservationOutcome.NotFound, result.Outcome);
    }

    private async Task<Guid> LinkedAsync(InventoryHarness inventory, params (Guid ProductId, int Quantity)[] lines)
    {
        var reservationId = await inventory.ReservedAsync(lines);
        Assert.Equal(ReservationOutcome.Applied, (await inventory.Ledger.LinkAsync(reservationId, orderId, None)).Outcome);
        return reservationId;
    }

    private async Task<Guid> ReleasedAsync(InventoryHarness inventory, params (Guid ProductId, int Quantity)[] lines)
    {
        var reservationId = await LinkedAsync(inventory, lines);
        Assert.Equal(ReservationOutcome.Applied, (await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None)).Outcome);
        return reservationId;
    }
}
