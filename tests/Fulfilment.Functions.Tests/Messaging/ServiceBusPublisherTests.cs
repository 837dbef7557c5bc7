using Azure.Messaging.ServiceBus;
using Fulfilment.Contracts;
using Fulfilment.Functions.Messaging;
using Fulfilment.Messaging;
using Moq;

namespace Fulfilment.Functions.Tests.Messaging;

public sealed class ServiceBusPublisherTests
{
    private readonly Mock<ServiceBusClient> client = new();
    private readonly Dictionary<string, Mock<ServiceBusSender>> senders = [];
    private readonly List<(string Entity, ServiceBusMessage Message)> sent = [];

    public ServiceBusPublisherTests() =>
        client.Setup(c => c.CreateSender(It.IsAny<string>())).Returns((string entity) =>
        {
            var sender = new Mock<ServiceBusSender>();
            sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
                .Callback((ServiceBusMessage m, CancellationToken _) => sent.Add((entity, m)))
                .Returns(Task.CompletedTask);
            senders[entity] = sender;
            return sender.Object;
        });

    [Fact]
    public async Task PublishAsync_Event_SendsTheContractWithEveryPropertyDesignNames()
    {
        var orderId = Guid.NewGuid();
        var packed = new OrderPacked(orderId, new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), Guid.NewGuid(), 2);
        var outgoing = OutgoingMessage.Create(MessageNames.OrderPacked, packed, orderId.ToString("D"), orderId);
        await using var publisher = new ServiceBusPublisher(client.Object);

        await publisher.PublishAsync(outgoing);

        var (entity, message) = Assert.Single(sent);
        Assert.Equal(MessageNames.OrderPacked, entity);
        Assert.Equal(ContractJson.Serialize(packed), message.Body.ToString());
        Assert.Equal(MessageIds.For(MessageNames.OrderPacked, orderId.ToString("D")), message.MessageId);
        Assert.Equal(orderId.ToString(), message.CorrelationId);
        Assert.Equal(MessageNames.OrderPacked, message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Empty(message.ApplicationProperties);
        Assert.Null(message.SessionId);
    }

    [Fact]
    public async Task PublishAsync_Command_GoesToItsQueue()
    {
        var outgoing = new OutgoingMessage(MessageNames.CreateShipment, "{}", "id-1", "corr-1");
        await using var publisher = new ServiceBusPublisher(client.Object);

        await publisher.PublishAsync(outgoing);

        Assert.Equal([MessageNames.CreateShipment], sent.Select(s => s.Entity));
    }

    [Fact]
    public async Task PublishAsync_ManyMessages_OneSenderPerEntity()
    {
        await using var publisher = new ServiceBusPublisher(client.Object);

        foreach (var name in new[] { MessageNames.OrderPacked, MessageNames.InventoryReserved, MessageNames.OrderPacked, MessageNames.OrderPacked })
        {
            await publisher.PublishAsync(new OutgoingMessage(name, "{}", Guid.NewGuid().ToString(), "c"));
        }

        client.Verify(c => c.CreateSender(MessageNames.OrderPacked), Times.Once);
        client.Verify(c => c.CreateSender(MessageNames.InventoryReserved), Times.Once);
        Assert.Equal(4, sent.Count);
    }

    [Fact]
    public async Task PublishAsync_NameOutsideTheTopology_ThrowsAndSendsNothing()
    {
        await using var publisher = new ServiceBusPublisher(client.Object);

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(new OutgoingMessage("no-such-topic", "{}", "id", "c")));

        client.Verify(c => c.CreateSender(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task PublishAsync_SendFails_TheFailurePropagates()
    {
        var failing = new Mock<ServiceBusSender>();
        failing.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));
        client.Setup(c => c.CreateSender(MessageNames.OrderPacked)).Returns(failing.Object);
        await using var publisher = new ServiceBusPublisher(client.Object);

        var failure = await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishAsync(new OutgoingMessage(MessageNames.OrderPacked, "{}", "id", "c")));

        Assert.Equal(ServiceBusFailureReason.ServiceBusy, failure.Reason);
    }

    [Fact]
    public async Task DisposeAsync_AfterPublishing_DisposesEachSender()
    {
        var publisher = new ServiceBusPublisher(client.Object);
        await publisher.PublishAsync(new OutgoingMessage(MessageNames.OrderPacked, "{}", "id", "c"));

        await publisher.DisposeAsync();

        senders[MessageNames.OrderPacked].Verify(s => s.DisposeAsync(), Times.Once);
    }
}
