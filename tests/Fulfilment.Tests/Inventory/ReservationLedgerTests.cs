using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class ReservationLedgerTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task LinkAsync_HeldReservation_LinkedWithItems()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 2));
        var order = Guid.NewGuid();

        var result = await inventory.Ledger.LinkAsync(reservationId, order, None);

        Assert.Equal(ReservationOutcome.Applied, result.Outcome);
        Assert.Equal(order, result.Reservation!.OrderId);
        Assert.Equal([new LineItem(a, 2)], result.Reservation.Items);
    }

    [Fact]
    public async Task LinkByCartAsync_KnownCart_LinksTheCartsReservation()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var command = new ReserveInventoryBuilder().With(a, 1).Build();
        var reserved = await inventory.Reserve.HandleAsync(command, None);

        var result = await inventory.Ledger.LinkByCartAsync(command.CartId, Guid.NewGuid(), None);

        Assert.Equal((ReservationOutcome.Applied, reserved.ReservationId), (result.Outcome, result.ReservationId));
    }

    [Fact]
    public async Task LinkAsync_SameOrderTwice_AlreadyApplied()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 1));
        var order = Guid.NewGuid();
        await inventory.Ledger.LinkAsync(reservationId, order, None);

        var result = await inventory.Ledger.LinkAsync(reservationId, order, None);

        Assert.Equal(ReservationOutcome.AlreadyApplied, result.Outcome);
    }

    [Fact]
    public async Task LinkAsync_AnotherOrder_LinkedToAnotherOrderAndUnchanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 1));
        var first = Guid.NewGuid();
        await inventory.Ledger.LinkAsync(reservationId, first, None);

        var result = await inventory.Ledger.LinkAsync(reservationId, Guid.NewGuid(), None);

        Assert.Equal(ReservationOutcome.LinkedToAnotherOrder, result.Outcome);
        Assert.Equal(first, (await inventory.Ledger.GetAsync(reservationId, None))!.OrderId);
    }

    [Fact]
    public async Task LinkAsync_Unknown_NotFound()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);

        var result = await inventory.Ledger.LinkAsync(Guid.NewGuid(), Guid.NewGuid(), None);

        Assert.Equal(ReservationOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task LinkAsync_Released_Released()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 1));
        await inventory.Ledger.ReleaseAsync(reservationId, "CHECKOUT_FAILED", None);

        var result = await inventory.Ledger.LinkAsync(reservationId, Guid.NewGuid(), None);

        Assert.Equal(ReservationOutcome.Released, result.Outcome);
    }

    [Fact]
    public async Task LinkAsync_PastExpiryBeforeTheSweep_ExpiresItAndReturnsExpired()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 2));
        inventory.Clock.Advance(InventoryHarness.Ttl);

        var result = await inventory.Ledger.LinkAsync(reservationId, Guid.NewGuid(), None);

        Assert.Equal(ReservationOutcome.Expired, result.Outcome);
        Assert.Equal((5, 0), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task LinkAsync_Consumed_Consumed()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 1));
        await inventory.Ledger.ConsumeAsync(reservationId, None);

        var result = await inventory.Ledger.LinkAsync(reservationId, Guid.NewGuid(), None);

        Assert.Equal(ReservationOutcome.Consumed, result.Outcome);
    }

    [Fact]
    public async Task ReleaseAsync_Held_UnitsBackOnSaleWithReason()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 3));

        var result = await inventory.Ledger.ReleaseAsync(reservationId, "PICKING_TIMEOUT", None);

        Assert.Equal(ReservationOutcome.Applied, result.Outcome);
        Assert.Equal((ReservationStatus.Released, "PICKING_TIMEOUT"), (result.Reservation!.Status, result.Reservation.Reason));
        Assert.Equal((5, 0), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task ReleaseAsync_Twice_SecondAlreadyAppliedAndStockReleasedOnce()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 3));
        await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None);

        var result = await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None);

        Assert.Equal(ReservationOutcome.AlreadyApplied, result.Outcome);
        Assert.Equal(5, (await inventory.StockOfAsync(a)).Available);
    }

    [Fact]
    public async Task ReleaseAsync_Consumed_ConsumedAndStockUnchanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 3));
        await inventory.Ledger.ConsumeAsync(reservationId, None);

        var result = await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None);

        Assert.Equal(ReservationOutcome.Consumed, result.Outcome);
        Assert.Equal((2, 0, 3), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved, (await inventory.StockOfAsync(a)).Consumed));
    }

    [Fact]
    public async Task ReleaseAsync_MalformedReason_RejectedAndStillHeld()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 1));

        var result = await inventory.Ledger.ReleaseAsync(reservationId, "not a reason", None);

        Assert.Equal(ReservationOutcome.Rejected, result.Outcome);
        Assert.Equal(ReservationStatus.Held, (await inventory.Ledger.GetAsync(reservationId, None))!.Status);
    }

    [Fact]
    public async Task ConsumeAsync_Held_UnitsLeaveTheBooksOnce()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 3));
        await inventory.Ledger.ConsumeAsync(reservationId, None);

        var again = await inventory.Ledger.ConsumeAsync(reservationId, None);

        Assert.Equal(ReservationOutcome.AlreadyApplied, again.Outcome);
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((2, 0, 3, 0), (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ConsumeAsync_Released_ReleasedAndNothingConsumed()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 3));
        await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None);

        var result = await inventory.Ledger.ConsumeAsync(reservationId, None);

        Assert.Equal(ReservationOutcome.Released, result.Outcome);
        Assert.Equal(0, (await inventory.StockOfAsync(a)).Consumed);
    }

    [Fact]
    public async Task WriteOffAsync_LostParcel_ConsumedAsWrittenOffNotBackOnSale()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 2));

        var result = await inventory.Ledger.WriteOffAsync(reservationId, "LOST", None);

        Assert.Equal((ReservationStatus.Consumed, "LOST"), (result.Reservation!.Status, result.Reservation.Reason));
        Assert.Equal([new LineItem(a, 2)], result.Reservation.WrittenOff);
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((3, 0, 2, 2), (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReleaseShortPickedAsync_MissingUnits_WrittenOffRestBackOnSaleAndFlaggedForCount()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var b = await inventory.ProductAsync(10);
        var reservationId = await inventory.ReservedAsync((a, 4), (b, 1));

        var result = await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(a, 3)], None);

        Assert.Equal((ReservationOutcome.Applied, ReleaseReasons.ShortPick), (result.Outcome, result.Reservation!.Reason));
        var shelfA = await inventory.StockOfAsync(a);
        var shelfB = await inventory.StockOfAsync(b);
        Assert.Equal((7, 0, 3, 3, true), (shelfA.Available, shelfA.Reserved, shelfA.Consumed, shelfA.WrittenOff, shelfA.NeedsCount));
        Assert.Equal((10, 0, false), (shelfB.Available, shelfB.Reserved, shelfB.NeedsCount));
        await inventory.AssertBalancedAsync();
    }

    [Fact]
    public async Task ReleaseShortPickedAsync_Twice_WritesOffOnce()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var reservationId = await inventory.ReservedAsync((a, 4));
        await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(a, 1)], None);

        var again = await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(a, 1)], None);

        Assert.Equal(ReservationOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal(1, (await inventory.StockOfAsync(a)).WrittenOff);
    }

    [Fact]
    public async Task ReleaseShortPickedAsync_MoreMissingThanReserved_RejectedAndStillHeld()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var reservationId = await inventory.ReservedAsync((a, 2));

        var result = await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(a, 3)], None);

        Assert.Equal(ReservationOutcome.Rejected, result.Outcome);
        Assert.Equal(2, (await inventory.StockOfAsync(a)).Reserved);
    }

    [Fact]
    public async Task GetByCartAsync_ReservedCart_ReturnsStatusItemsAndCart()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 2).Build();
        await inventory.Reserve.HandleAsync(command, None);

        var reservation = await inventory.Ledger.GetByCartAsync(command.CartId, None);

        Assert.Equal((ReservationStatus.Held, command.CartId, (Guid?)null), (reservation!.Status, reservation.CartId, reservation.OrderId));
        Assert.Equal(inventory.Clock.GetUtcNow() + InventoryHarness.Ttl, reservation.ExpiresAt);
    }
}
