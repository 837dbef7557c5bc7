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
}
