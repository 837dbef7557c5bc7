using Fulfilment.Contracts;
using Fulfilment.Functions.Inventory;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;

namespace Fulfilment.Functions.Tests.Inventory;

/// <summary>
/// Every delivery path of reserve-inventory through the code its trigger calls, and Inventory's half of release-inventory
/// (what the workflow leaves to it; the whole path is in WorkflowMessagesTests).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryMessagesTests(AzuriteFixture azurite)
{
    private readonly RecordingMessageActions actions = new();

    [Fact]
    public async Task ReserveInventoryAsync_EnoughStock_ReservesPublishesAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var command = Reserve(product, 3);

        await app.Function<InventoryMessages>().ReserveInventoryAsync(ReceivedMessages.Of(command), actions, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal((7, 3), await app.LevelsOfAsync(product));
        Assert.Equal(command.CartId, app.Publisher.Single<InventoryReserved>(MessageNames.InventoryReserved).CartId);
    }

    [Fact]
    public async Task ReserveInventoryAsync_DeliveredTwice_ReservesOnceAndCompletesBoth()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var command = Reserve(product, 3);
        var inventory = app.Function<InventoryMessages>();

        await inventory.ReserveInventoryAsync(ReceivedMessages.Of(command, messageId: "reserve-1"), actions, CancellationToken.None);
        await inventory.ReserveInventoryAsync(ReceivedMessages.Of(command, messageId: "reserve-1", deliveryCount: 2), actions, CancellationToken.None);

        Assert.Equal([SettledMessage.Completed, SettledMessage.Completed], actions.Settled.Select(s => s.Kind));
        Assert.Equal((7, 3), await app.LevelsOfAsync(product));
        Assert.Single(app.Publisher.Named(MessageNames.InventoryReserved).Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task ReserveInventoryAsync_BodyNotJson_DeadLettersAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);

        await app.Function<InventoryMessages>().ReserveInventoryAsync(ReceivedMessages.WithBody("<reserve/>"), actions, CancellationToken.None);

        Assert.Equal((SettledMessage.DeadLettered, DeadLetterReasons.ContractViolation), (actions.Single.Kind, actions.Single.Reason));
        Assert.Equal((10, 0), await app.LevelsOfAsync(product));
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task ReserveInventoryAsync_ContractBroken_DeadLettersWithEveryViolationAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var body = $$"""{"cartId":"not-a-uuid","items":[{"productId":"{{product}}","quantity":0}]}""";

        await app.Function<InventoryMessages>().ReserveInventoryAsync(ReceivedMessages.WithBody(body), actions, CancellationToken.None);

        Assert.Equal(DeadLetterReasons.ContractViolation, actions.Single.Reason);
        Assert.Contains("$.cartId", actions.Single.Description, StringComparison.Ordinal);
        Assert.Contains("$.items[0].quantity", actions.Single.Description, StringComparison.Ordinal);
        Assert.Equal((10, 0), await app.LevelsOfAsync(product));
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task ReserveInventoryAsync_OtherCommandForAReservedCart_DeadLettersUnprocessableAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var first = Reserve(product, 3);
        var inventory = app.Function<InventoryMessages>();
        await inventory.ReserveInventoryAsync(ReceivedMessages.Of(first), actions, CancellationToken.None);

        await inventory.ReserveInventoryAsync(ReceivedMessages.Of(Reserve(product, 5) with { CartId = first.CartId }), actions, CancellationToken.None);

        Assert.Equal(DeadLetterReasons.Unprocessable, actions.Settled[1].Reason);
        Assert.StartsWith(nameof(ReserveStatus.CartAlreadyReserved), actions.Settled[1].Description, StringComparison.Ordinal);
        Assert.Equal((7, 3), await app.LevelsOfAsync(product));
    }

    [Fact]
    public async Task ReserveInventoryAsync_PublishFails_PropagatesUnsettledAndTheRedeliveryFinishes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var command = Reserve(product, 3);
        var inventory = app.Function<InventoryMessages>();
        app.Publisher.FailNextWith = new TimeoutException("Service Bus is slow");

        await Assert.ThrowsAsync<TimeoutException>(() => inventory.ReserveInventoryAsync(ReceivedMessages.Of(command), actions, CancellationToken.None));
        Assert.Empty(actions.Settled);
        await inventory.ReserveInventoryAsync(ReceivedMessages.Of(command, deliveryCount: 2), actions, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal((7, 3), await app.LevelsOfAsync(product));
        Assert.Single(app.Publisher.Named(MessageNames.InventoryReserved));
    }

    [Fact]
    public async Task ReleaseAsync_ReservationNoOrderHolds_ReleasesItAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var command = Reserve(product, 3);
        await app.Get<ReserveInventoryHandler>().HandleAsync(command, CancellationToken.None);
        var release = new ReleaseInventory(Reservation.IdFor(command.CartId), ReleaseReason.CheckoutFailed);

        var settlement = await app.Function<InventoryMessages>().ReleaseAsync(ContractJson.Serialize(release), CancellationToken.None);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal((10, 0), await app.LevelsOfAsync(product));
    }

    [Fact]
    public async Task ReleaseAsync_ReservationLinkedToAnOrderMeanwhile_ThrowsForRedeliveryAndKeepsIt()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var command = Reserve(product, 3);
        await app.Get<ReserveInventoryHandler>().HandleAsync(command, CancellationToken.None);
        var reservationId = Reservation.IdFor(command.CartId);
        await app.Get<ReservationLedger>().LinkAsync(reservationId, Guid.NewGuid(), CancellationToken.None);
        var body = ContractJson.Serialize(new ReleaseInventory(reservationId, ReleaseReason.OrderCancelled));

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Function<InventoryMessages>().ReleaseAsync(body, CancellationToken.None));

        Assert.Equal((7, 3), await app.LevelsOfAsync(product));
    }

    private static ReserveInventory Reserve(Guid product, int quantity) => new(Guid.NewGuid(), [new LineItem(product, quantity)], Guid.NewGuid());
}
