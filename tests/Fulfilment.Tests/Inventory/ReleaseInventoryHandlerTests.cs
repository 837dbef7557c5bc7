using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class ReleaseInventoryHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HandleAsync_CatalogueReason_ReleasedWithWireName()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 1));

        var result = await inventory.Release.HandleAsync(new ReleaseInventory(reservationId, ReleaseReason.CheckoutFailed), CancellationToken.None);

        Assert.Equal((ReservationOutcome.Applied, "CHECKOUT_FAILED"), (result.Outcome, result.Reservation!.Reason));
    }

    [Fact]
    public async Task HandleAsync_NoReason_ReleasedAsUnspecified()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 1));

        var result = await inventory.Release.HandleAsync(new ReleaseInventory(reservationId), CancellationToken.None);

        Assert.Equal(ReleaseReasons.Unspecified, result.Reservation!.Reason);
    }

    [Fact]
    public async Task HandleAsync_UnknownReservation_NotFoundWithoutThrowing()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);

        var result = await inventory.Release.HandleAsync(new ReleaseInventory(Guid.NewGuid(), ReleaseReason.OrderCancelled), CancellationToken.None);

        Assert.Equal(ReservationOutcome.NotFound, result.Outcome);
        Assert.Empty(inventory.Publisher.Messages);
    }

    [Fact]
    public async Task HandleAsync_LinkedReservation_LinkedToOrderAndStillHeld()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 2));
        await inventory.Ledger.LinkAsync(reservationId, Guid.NewGuid(), CancellationToken.None);

        var result = await inventory.Release.HandleAsync(new ReleaseInventory(reservationId, ReleaseReason.CheckoutFailed), CancellationToken.None);

        Assert.Equal(ReservationOutcome.LinkedToOrder, result.Outcome);
        Assert.Equal(ReservationStatus.Held, (await inventory.Ledger.GetAsync(reservationId, CancellationToken.None))!.Status);
        Assert.Equal((3, 2), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task HandleAsync_LinkedByAnotherInstanceBetweenDecisionAndCommit_LinkedToOrderAndStillHeld()
    {
        // Within one process the group commit serialises link and release; the race is with another instance.
        var linkFirst = new RunBeforeNextBatch();
        var tables = azurite.NewTables(azurite.CreateServiceClient(maxRetries: 0, linkFirst));
        var inventory = await InventoryHarness.CreateAsync(tables);
        var otherInstance = await InventoryHarness.CreateAsync(tables);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 2));
        var order = Guid.NewGuid();
        linkFirst.Arm(() => otherInstance.Ledger.LinkAsync(reservationId, order, CancellationToken.None));

        var result = await inventory.Release.HandleAsync(new ReleaseInventory(reservationId, ReleaseReason.CheckoutFailed), CancellationToken.None);

        Assert.Equal(ReservationOutcome.LinkedToOrder, result.Outcome);
        var reservation = await inventory.Ledger.GetAsync(reservationId, CancellationToken.None);
        Assert.Equal((ReservationStatus.Held, (Guid?)order), (reservation!.Status, reservation.OrderId));
        Assert.Equal((3, 2), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }
}
