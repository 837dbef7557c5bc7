using BitFaster.Caching.Lru;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Shipping;

/// <summary>
/// Publishes what a shipment's outbox holds. A state change is persisted first, with its message in the shipment
/// row's outbox, in one write; the handler then publishes it. A message stays in the outbox until a later write of
/// the shipment drops it — the next change folds that in for free — or, once the shipment is terminal (no later
/// change will come), one write empties the outbox. Which messages were published is known in this process (a
/// bounded memory of MessageIds); a message not known to be published is published again by whoever reads the
/// outbox next. MessageIds are deterministic, so such a re-send is dropped by duplicate detection.
/// </summary>
public sealed partial class ShipmentOutbox(ShipmentStore store, IMessagePublisher publisher, ILogger<ShipmentOutbox> logger)
{
    private readonly ConcurrentLru<string, bool> publishedHere = new(10_000);

    /// <summary>
    /// Before a write of <paramref name="shipment"/>: drops from its outbox what is known published — here, or
    /// because it is the message being handled (<paramref name="consumed"/>: it was delivered, so it was sent).
    /// </summary>
    public void Prune(Shipment shipment, string? consumed = null)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        shipment.Outbox = [.. shipment.Outbox.Where(m => m.Name != consumed && !publishedHere.TryGet(m.MessageId, out _))];
    }

    /// <summary>
    /// Publishes the shipment's queued messages not known published, then empties a terminal shipment's outbox. A
    /// transport failure propagates (the caller is redelivered and publishes again).
    /// </summary>
    public async Task<int> PublishAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var sent = 0;
        foreach (var message in shipment.Outbox.Where(m => !publishedHere.TryGet(m.MessageId, out _)))
        {
            await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            publishedHere.AddOrUpdate(message.MessageId, true);
            LogPublished(message.Name, shipment.OrderId, message.MessageId);
            sent++;
        }

        if (shipment.IsTerminal && shipment.Outbox.Count > 0)
        {
            await store.ClearOutboxAsync(shipment, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageName} for order {OrderId} as {MessageId}")]
    private partial void LogPublished(string messageName, Guid orderId, string messageId);
}
