using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Shipping;

/// <summary>
/// Publishes what the Shipments table has queued for an order and marks it done. State changes are persisted first,
/// with their message, in one transaction; every handler ends by calling <see cref="PublishPendingAsync"/>, so a
/// publish that failed after the write is redone by the next delivery or replay. MessageIds are deterministic, so a
/// publish that succeeded but was not marked is dropped by duplicate detection.
/// </summary>
public sealed partial class ShipmentOutbox(ShipmentStore store, IMessagePublisher publisher, TimeProvider time, ILogger<ShipmentOutbox> logger)
{
    /// <summary>Publishes the order's pending messages; a transport failure propagates (the caller is redelivered).</summary>
    public async Task<int> PublishPendingAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var pending = await store.PendingMessagesAsync(orderId, cancellationToken).ConfigureAwait(false);
        foreach (var message in pending)
        {
            await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            await store.MarkPublishedAsync(orderId, message, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            LogPublished(message.Name, orderId, message.MessageId);
        }

        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageName} for order {OrderId} as {MessageId}")]
    private partial void LogPublished(string messageName, Guid orderId, string messageId);
}
