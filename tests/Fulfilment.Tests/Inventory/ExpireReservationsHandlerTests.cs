using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class ExpireReservationsHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HandleAsync_PastTtl_ReleasesWithReasonExpired()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(5);
        var reservationId = await inventory.ReservedAsync((a, 2));
        inventory.Clock.Advance(InventoryHarness.Ttl);

        var expired = await inventory.Expiry.HandleAsync(CancellationToken.None);

        Assert.Equal(1, expired);
        var reservation = await inventory.Ledger.GetAsync(reservationId, CancellationToken.None);
        Assert.Equal((ReservationStatus.Released, ReleaseReasons.Expired), (reservation!.Status, reservation.Reason));
        Assert.Equal((5, 0), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task HandleAsync_BeforeTtl_ExpiresNothing()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        await inventory.ReservedAsync((await inventory.ProductAsync(5), 2));
        inventory.Clock.Advance(InventoryHarness.Ttl - TimeSpan.FromSeconds(1));

        var expired = await inventory.Expiry.HandleAsync(CancellationToken.None);

        Assert.Equal(0, expired);
    }

    [Fact]
    public async Task HandleAsync_LinkedReservation_NeverExpires()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var reservationId = await inventory.ReservedAsync((await inventory.ProductAsync(5), 2));
        await inventory.Ledger.LinkAsync(reservationId, Guid.NewGuid(), CancellationToken.None);
        inventory.Clock.Advance(InventoryHarness.Ttl * 3);

        var expired = await inventory.Expiry.HandleAsync(CancellationToken.None);

        Assert.Equal(0, expired);
        Assert.Equal(ReservationStatus.Held, (await inventory.Ledger.GetAsync(reservationId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task HandleAsync_MoreDueThanOnePage_ExpiresOnlyTheDueOnesAcrossPages()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(20);
        for (var i = 0; i < 7; i++)
        {
            await inventory.ReservedAsync((a, 1));
        }

        inventory.Clock.Advance(TimeSpan.FromMinutes(10));
        var late = await inventory.ReservedAsync((a, 1));
        inventory.Clock.Advance(InventoryHarness.Ttl - TimeSpan.FromMinutes(10));

        var expired = await inventory.Expiry.HandleAsync(CancellationToken.None);

        Assert.Equal(7, expired);
        Assert.Equal(ReservationStatus.Held, (await inventory.Ledger.GetAsync(late, CancellationToken.None))!.Status);
        Assert.Equal(1, (await inventory.StockOfAsync(a)).Reserved);
    }

    [Fact]
    public async Task HandleAsync_RunTwice_SecondRunExpiresNothing()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        await inventory.ReservedAsync((await inventory.ProductAsync(5), 2));
        inventory.Clock.Advance(InventoryHarness.Ttl);
        await inventory.Expiry.HandleAsync(CancellationToken.None);

        var expired = await inventory.Expiry.HandleAsync(CancellationToken.None);

        Assert.Equal(0, expired);
        await inventory.AssertBalancedAsync();
    }
}
