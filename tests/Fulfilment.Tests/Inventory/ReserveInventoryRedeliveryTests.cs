using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

/// <summary>A reserve-inventory delivered again: while its reservation is HELD, and after it has moved on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReserveInventoryRedeliveryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task HandleAsync_Redelivered_OneReservationAndIdenticalMessage()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        inventory.Clock.Advance(TimeSpan.FromMinutes(3));

        var second = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal(ReserveStatus.AlreadyReserved, second.Status);
        Assert.Equal(first.ReservationId, second.ReservationId);
        var messages = inventory.Publisher.Named(MessageNames.InventoryReserved);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0], messages[1]);
        Assert.Equal(4, (await inventory.StockOfAsync(a)).Reserved);
    }

    [Fact]
    public async Task HandleAsync_PublishFailsThenRedelivered_ReservesOnceAndPublishesOnce()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 2).Build();
        inventory.Publisher.FailNextWith = new TimeoutException("bus unavailable");
        await Assert.ThrowsAsync<TimeoutException>(() => inventory.Reserve.HandleAsync(command, None));

        var result = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal(ReserveStatus.AlreadyReserved, result.Status);
        Assert.Single(inventory.Publisher.Named(MessageNames.InventoryReserved));
        Assert.Equal(2, (await inventory.StockOfAsync(a)).Reserved);
    }

    [Fact]
    public async Task HandleAsync_RedeliveredAfterRelease_AlreadySettledAndPublishesNothing()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.ReleaseAsync(first.ReservationId, "CHECKOUT_FAILED", None);

        var late = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal((ReserveStatus.AlreadySettled, true), (late.Status, late.IsBusinessOutcome));
        Assert.Single(inventory.Publisher.Messages);
        Assert.Equal((10, 0), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task HandleAsync_RedeliveredAfterExpiry_AlreadySettledAndPublishesNothing()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        await inventory.Reserve.HandleAsync(command, None);
        inventory.Clock.Advance(InventoryHarness.Ttl);
        await inventory.Expiry.HandleAsync(None);

        var late = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal((ReserveStatus.AlreadySettled, true), (late.Status, late.IsBusinessOutcome));
        Assert.Single(inventory.Publisher.Messages);
    }

    [Fact]
    public async Task HandleAsync_RedeliveredAfterConsume_AlreadySettledAndPublishesNothing()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.ConsumeAsync(first.ReservationId, None);

        var late = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal((ReserveStatus.AlreadySettled, true), (late.Status, late.IsBusinessOutcome));
        Assert.Single(inventory.Publisher.Messages);
    }

    [Fact]
    public async Task HandleAsync_RedeliveredAfterLink_RepublishesIdenticalMessage()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.LinkAsync(first.ReservationId, Guid.NewGuid(), None);

        var again = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal(ReserveStatus.AlreadyReserved, again.Status);
        var messages = inventory.Publisher.Named(MessageNames.InventoryReserved);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0], messages[1]);
    }
}
