using System.Text.Json;
using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;
using Fulfilment.Inventory;
using Fulfilment.Tests.Contracts;
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
    public async Task HandleAsync_RedeliveredAfterRelease_AnswersInventoryUnavailableWithTheReason()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var b = await inventory.ProductAsync(5);
        var command = new ReserveInventoryBuilder().With((a, 4), (b, 1)).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.ReleaseAsync(first.ReservationId, "CHECKOUT_FAILED", None);

        var late = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal((ReserveStatus.AlreadySettled, true), (late.Status, late.IsBusinessOutcome));
        var answer = inventory.Publisher.Single<InventoryUnavailable>(MessageNames.InventoryUnavailable);
        Assert.Equal((command.CartId, (Guid?)null, first.ReservationId, UnavailableReason.ReservationReleased), (answer.CartId!.Value, answer.OrderId, answer.ReservationId!.Value, answer.Reason!.Value));
        Assert.Equal([new(a, 4, 10), new(b, 1, 5)], answer.UnavailableItems.OrderBy(i => i.ProductId == a ? 0 : 1));
        Assert.Equal((10, 0), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    [Fact]
    public async Task HandleAsync_RedeliveredAfterExpiry_AnswersExpiredWithTheUnitsAvailableNow()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        await inventory.Reserve.HandleAsync(command, None);
        inventory.Clock.Advance(InventoryHarness.Ttl);
        await inventory.Expiry.HandleAsync(None);
        await inventory.ReservedAsync((a, 7));

        var late = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal(ReserveStatus.AlreadySettled, late.Status);
        var answer = inventory.Publisher.Single<InventoryUnavailable>(MessageNames.InventoryUnavailable);
        Assert.Equal(UnavailableReason.ReservationExpired, answer.Reason);
        Assert.Equal([new UnavailableItem(a, 4, 3)], answer.UnavailableItems);
        Assert.Equal(inventory.Clock.GetUtcNow(), answer.CheckedAt);
    }

    [Fact]
    public async Task HandleAsync_RedeliveredLateTwice_SameMessageIdDistinctFromTheFirstAnswer()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.ReleaseAsync(first.ReservationId, "CHECKOUT_FAILED", None);
        await inventory.Reserve.HandleAsync(command, None);
        await inventory.Stock.RestockAsync(a, 5, Guid.NewGuid(), None);

        await inventory.Reserve.HandleAsync(command, None);

        var messages = inventory.Publisher.Messages;
        Assert.Equal([MessageNames.InventoryReserved, MessageNames.InventoryUnavailable, MessageNames.InventoryUnavailable], messages.Select(m => m.Name));
        Assert.Equal(messages[1].MessageId, messages[2].MessageId);
        Assert.NotEqual(messages[0].MessageId, messages[1].MessageId);
        Assert.Equal([10, 15], inventory.Publisher.All<InventoryUnavailable>(MessageNames.InventoryUnavailable).Select(u => u.UnavailableItems[0].Available));
    }

    [Fact]
    public async Task HandleAsync_RedeliveredAfterItsOrderWasCancelled_AnswerCarriesTheOrder()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var orderId = Guid.NewGuid();
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.LinkAsync(first.ReservationId, orderId, None);
        await inventory.Ledger.ReleaseAsync(first.ReservationId, "ORDER_CANCELLED", None);

        await inventory.Reserve.HandleAsync(command, None);

        var message = Assert.Single(inventory.Publisher.Named(MessageNames.InventoryUnavailable));
        Assert.Equal(orderId.ToString(), message.CorrelationId);
        var answer = ContractJson.Deserialize<InventoryUnavailable>(message.Body);
        Assert.Equal((orderId, UnavailableReason.ReservationReleased), (answer.OrderId!.Value, answer.Reason!.Value));
    }

    [Fact]
    public async Task HandleAsync_LateAnswer_ValidatesAgainstThePublishedAndOurSchemas()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().ForOrder(Guid.NewGuid()).With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.ReleaseAsync(first.ReservationId, "CHECKOUT_FAILED", None);

        await inventory.Reserve.HandleAsync(command, None);

        var body = Assert.Single(inventory.Publisher.Named(MessageNames.InventoryUnavailable)).Body;
        Assert.Empty((await SchemaFiles.PublishedAsync(nameof(InventoryUnavailable))).Validate(body));
        Assert.Empty(SchemaFiles.ErrorPaths(await SchemaFiles.OursAsync(MessageNames.InventoryUnavailable), body));
        using var json = JsonDocument.Parse(body);
        Assert.Empty(ContractValidators.For<InventoryUnavailable>().Validate(json.RootElement));
    }

    [Fact]
    public async Task HandleAsync_RedeliveredAfterConsume_RepublishesTheIdenticalReservedMessage()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(10);
        var command = new ReserveInventoryBuilder().With(a, 4).Build();
        var first = await inventory.Reserve.HandleAsync(command, None);
        await inventory.Ledger.LinkAsync(first.ReservationId, Guid.NewGuid(), None);
        await inventory.Ledger.ConsumeAsync(first.ReservationId, None);

        var late = await inventory.Reserve.HandleAsync(command, None);

        Assert.Equal((ReserveStatus.AlreadySettled, true), (late.Status, late.IsBusinessOutcome));
        var messages = inventory.Publisher.Messages;
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0], messages[1]);
        Assert.Equal((6, 0, 4), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved, (await inventory.StockOfAsync(a)).Consumed));
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
