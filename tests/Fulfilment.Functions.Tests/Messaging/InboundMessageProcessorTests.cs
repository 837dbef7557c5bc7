using Fulfilment.Contracts;
using Fulfilment.Functions.Messaging;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Functions.Tests.Messaging;

public sealed class InboundMessageProcessorTests
{
    private readonly RecordingLogger<InboundMessageProcessor> logger = new();
    private readonly RecordingMessageActions actions = new();

    private InboundMessageProcessor Processor => new(logger);

    [Fact]
    public async Task ProcessAsync_HandlerCompletes_CompletesTheMessage()
    {
        var message = ReceivedMessages.WithBody("{}");

        await Processor.ProcessAsync(MessageNames.CreateShipment, message, actions, (_, _) => Task.FromResult(Settlement.Complete), CancellationToken.None);

        Assert.Equal(new SettledMessage(SettledMessage.Completed, message.MessageId, null, null), actions.Single);
    }

    [Fact]
    public async Task ProcessAsync_HandlerDeadLetters_DeadLettersWithItsReasonAndDescription()
    {
        var message = ReceivedMessages.WithBody("{}");

        await Processor.ProcessAsync(
            MessageNames.CreateShipment, message, actions, (_, _) => Task.FromResult(Settlement.DeadLetter("Unprocessable", "no such thing")), CancellationToken.None);

        Assert.Equal(new SettledMessage(SettledMessage.DeadLettered, message.MessageId, "Unprocessable", "no such thing"), actions.Single);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Unprocessable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_ContractViolationQuotingAnAddress_LogsTheDescriptionAtDebugOnly()
    {
        var message = ReceivedMessages.WithBody("""{"orderId":"not-a-uuid","shippingAddress":"1 Larkspur Mews, Wexcombe QX1 7ZW"}""");

        await Processor.ProcessAsync(
            MessageNames.OrderCompleted, message, actions, InboundMessageProcessor.Parsed<OrderCompleted>((_, _) => Task.FromResult(Settlement.Complete)), CancellationToken.None);

        Assert.Contains("QX1 7ZW", actions.Single.Description, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(DeadLetterReasons.ContractViolation, StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Level > LogLevel.Debug && e.Message.Contains("QX1 7ZW", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("QX1 7ZW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_DescriptionLongerThanServiceBusTakes_IsCutToTheLimit()
    {
        var description = new string('x', 10_000);

        await Processor.ProcessAsync(
            MessageNames.CreateShipment, ReceivedMessages.WithBody("{}"), actions, (_, _) => Task.FromResult(Settlement.DeadLetter("R", description)), CancellationToken.None);

        Assert.Equal(InboundMessageProcessor.MaxDeadLetterTextLength, actions.Single.Description!.Length);
        Assert.EndsWith("…", actions.Single.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_HandlerThrows_PropagatesAndSettlesNothing()
    {
        var transient = new TimeoutException("storage is slow");

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => Processor.ProcessAsync(
            MessageNames.CreateShipment, ReceivedMessages.WithBody("{}"), actions, (_, _) => throw transient, CancellationToken.None));

        Assert.Same(transient, thrown);
        Assert.Empty(actions.Settled);
    }

    [Fact]
    public async Task ProcessAsync_Always_ScopesTheLogWithTheMessageAndItsBusinessKeys()
    {
        var orderId = Guid.NewGuid();
        var cartId = Guid.NewGuid();
        var message = ReceivedMessages.WithBody($$"""{"orderId":"{{orderId}}","cartId":"{{cartId}}","items":[]}""", messageId: "m-1", deliveryCount: 3, correlationId: "c-1");

        await Processor.ProcessAsync(MessageNames.ReserveInventory, message, actions, (_, _) => Task.FromResult(Settlement.Complete), CancellationToken.None);

        var scope = Assert.Single(logger.Entries).Scope;
        Assert.Equal("m-1", scope["MessageId"]);
        Assert.Equal(MessageNames.ReserveInventory, scope["MessageName"]);
        Assert.Equal(3, scope["DeliveryCount"]);
        Assert.Equal("c-1", scope["CorrelationId"]);
        Assert.Equal(orderId.ToString(), scope["OrderId"]);
        Assert.Equal(cartId.ToString(), scope["CartId"]);
    }

    [Fact]
    public async Task ProcessAsync_BodyNotJson_ScopesTheLogWithTheMessageOnly()
    {
        var message = ReceivedMessages.WithBody("not json", messageId: "m-2");

        await Processor.ProcessAsync(MessageNames.ReserveInventory, message, actions, (_, _) => Task.FromResult(Settlement.Complete), CancellationToken.None);

        var scope = Assert.Single(logger.Entries).Scope;
        Assert.Equal("m-2", scope["MessageId"]);
        Assert.False(scope.ContainsKey("OrderId"));
    }

    [Fact]
    public async Task Parsed_BodyNotJson_DeadLettersAContractViolationWithoutCallingTheHandler()
    {
        var called = false;
        var handle = InboundMessageProcessor.Parsed<ReleaseInventory>((_, _) =>
        {
            called = true;
            return Task.FromResult(Settlement.Complete);
        });

        var settlement = await handle("{ not json", CancellationToken.None);

        var deadLettered = Assert.IsType<Settlement.DeadLettered>(settlement);
        Assert.Equal(DeadLetterReasons.ContractViolation, deadLettered.Reason);
        Assert.Contains("not JSON", deadLettered.Description, StringComparison.Ordinal);
        Assert.False(called);
    }

    [Fact]
    public async Task Parsed_ContractBroken_DeadLettersWithEveryViolation()
    {
        var handle = InboundMessageProcessor.Parsed<ReleaseInventory>((_, _) => Task.FromResult(Settlement.Complete));

        var settlement = await handle("""{"reservationId":"not-a-uuid","reason":"BORED"}""", CancellationToken.None);

        var deadLettered = Assert.IsType<Settlement.DeadLettered>(settlement);
        Assert.Contains("$.reservationId", deadLettered.Description, StringComparison.Ordinal);
        Assert.Contains("$.reason", deadLettered.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parsed_ValidBody_HandsTheRecordToTheHandler()
    {
        var reservationId = Guid.NewGuid();
        ReleaseInventory? received = null;
        var handle = InboundMessageProcessor.Parsed<ReleaseInventory>((command, _) =>
        {
            received = command;
            return Task.FromResult(Settlement.Complete);
        });

        await handle($$"""{"reservationId":"{{reservationId}}","reason":"ORDER_CANCELLED"}""", CancellationToken.None);

        Assert.Equal(reservationId, received?.ReservationId);
        Assert.Equal(ReleaseReason.OrderCancelled, received?.Reason);
    }
}
