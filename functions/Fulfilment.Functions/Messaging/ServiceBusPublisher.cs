using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Functions.Messaging;

/// <summary>
/// <see cref="IMessagePublisher"/> on Service Bus: one <see cref="ServiceBusSender"/> per queue or topic (the message's
/// wire name), created on first use and kept for the app's lifetime (a sender is thread-safe and holds its AMQP link).
/// Each message is exactly what DESIGN.md says: the contract JSON as the body, the deterministic MessageId (duplicate
/// detection drops a re-send), CorrelationId = the orderId (or the cartId before an order exists), Subject = the wire
/// name, ContentType = application/json. A send failure propagates: the inbound message that caused it is redelivered
/// and re-sends the same MessageId.
/// </summary>
public sealed class ServiceBusPublisher(ServiceBusClient client) : IMessagePublisher, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ServiceBusSender>> senders = new(StringComparer.Ordinal);

    public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Topology.IsQueue(message.Name) && !Topology.Topics.Contains(message.Name))
        {
            throw new InvalidOperationException($"'{message.Name}' is neither a queue nor a topic of the topology: nothing to send it to.");
        }

        var sender = senders.GetOrAdd(message.Name, name => new Lazy<ServiceBusSender>(() => client.CreateSender(name))).Value;
        return sender.SendMessageAsync(ToServiceBusMessage(message), cancellationToken);
    }

    /// <summary>The Service Bus message of an outgoing message: body and the four properties DESIGN.md names.</summary>
    public static ServiceBusMessage ToServiceBusMessage(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ServiceBusMessage(BinaryData.FromString(message.Body))
        {
            MessageId = message.MessageId,
            CorrelationId = message.CorrelationId,
            Subject = message.Name,
            ContentType = OutgoingMessage.ContentType,
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in senders.Values.Where(s => s.IsValueCreated))
        {
            await sender.Value.DisposeAsync().ConfigureAwait(false);
        }

        senders.Clear();
    }
}
