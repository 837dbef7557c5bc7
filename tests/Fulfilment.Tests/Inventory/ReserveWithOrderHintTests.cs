using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

/// <summary>An orderId on reserve-inventory is a hint: published, checked at link time, but it links nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReserveWithOrderHintTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task HandleAsync_WithOrderId_PublishesItAndLeavesTheReservationUnlinked()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var order = Guid.NewGuid();
        var command = new ReserveInventoryBuilder().ForOrder(order).With(await inventory.ProductAsync(10), 1).Build();

        var result = await inventory.Reserve.HandleAsync(command, None);

        var published = Assert.Single(inventory.Publisher.Messages);
        Assert.Equal((order.ToString(), (Guid?)order), (published.CorrelationId, inventory.Publisher.Single<InventoryReserved>(MessageNames.InventoryReserved).OrderId));
        Assert.Null((await inventory.Ledger.GetAsync(result.ReservationId, None))!.OrderId);
    }

    [Fact]
    public async Task HandleAsync_WithOrderIdNeverLinked_ExpiresAfterTtl()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var result = await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().ForOrder(Guid.NewGuid()).With(a, 1).Build(), None);
        inventory.Clock.Advance(InventoryHarness.Ttl);

        var expired = await inventory.Expiry.HandleAsync(None);

        Assert.Equal(1, expired);
        Assert.True((await inventory.Ledger.GetAsync(result.ReservationId, None))!.IsExpired);
        Assert.Equal((10, 0), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task LinkAsync_HintedOrder_LinkedAndNoLongerExpires()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var order = Guid.NewGuid();
        var result = await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().ForOrder(order).With(await inventory.ProductAsync(10), 1).Build(), None);
        var linked = await inventory.Ledger.LinkAsync(result.ReservationId, order, None);
        inventory.Clock.Advance(InventoryHarness.Ttl * 2);

        var expired = await inventory.Expiry.HandleAsync(None);

        Assert.Equal((ReservationOutcome.Applied, (Guid?)order), (linked.Outcome, linked.Reservation!.OrderId));
        Assert.Equal(0, expired);
    }

    [Fact]
    public async Task LinkAsync_OrderOtherThanHint_LinkedToAnotherOrderAndStillUnlinked()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var result = await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().ForOrder(Guid.NewGuid()).With(await inventory.ProductAsync(10), 1).Build(), None);

        var linked = await inventory.Ledger.LinkAsync(result.ReservationId, Guid.NewGuid(), None);

        Assert.Equal(ReservationOutcome.LinkedToAnotherOrder, linked.Outcome);
        Assert.Null((await inventory.Ledger.GetAsync(result.ReservationId, None))!.OrderId);
    }

    [Fact]
    public async Task HandleAsync_SameItemsOtherOrderId_CartAlreadyReservedAndHintUnchanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var (a, cart, order) = (await inventory.ProductAsync(10), Guid.NewGuid(), Guid.NewGuid());
        await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().ForCart(cart).ForOrder(order).With(a, 1).Build(), None);

        var other = await inventory.Reserve.HandleAsync(new ReserveInventoryBuilder().ForCart(cart).ForOrder(Guid.NewGuid()).With(a, 1).Build(), None);

        Assert.Equal(ReserveStatus.CartAlreadyReserved, other.Status);
        Assert.Single(inventory.Publisher.Messages);
    }
}
