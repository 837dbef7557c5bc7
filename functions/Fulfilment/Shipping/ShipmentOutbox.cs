using BitFaster.Caching.Lru;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Shipping;

/// <summary>
/// Publishes what a shipment's outbox holds. A state change is persisted first, with its message in the shipment
/// row's outbox, in one write (announced by a pending marker written just before it: see <see cref="ShipmentStore"/>);
/// the handler then publishes it and deletes its marker. A message stays in the outbox until a later write of the
/// shipment drops it — the next change folds that in for free — or, once the shipment is terminal (no later change
/// will come), one write empties the outbox. Which messages were published is known in this process (a bounded memory
/// of MessageIds); a message not known to be published is published again by whoever reads the outbox next. A marker
/// the handler could not delete (its publish failed, or it stopped) is settled by <see cref="DrainAsync"/> on the
/// outbox timer, with no further call for the order. MessageIds are deterministic, so a re-send is dropped by
/// duplicate detection.
/// </summary>
public sealed partial class ShipmentOutbox(ShipmentStore store, IMessagePublisher publisher, TimeProvider time, ILogger<ShipmentOutbox> logger) : IOutbox
{
    /// <summary>Pending markers handled per run; the rest wait for the next run.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// How long a marker with no shipment behind it is kept: its write (an insert) may still be on its way. Far longer
    /// than a storage call with its retries takes; after it, the insert failed and the marker is deleted.
    /// </summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(5);

    private readonly ConcurrentLru<string, bool> publishedHere = new(10_000);

    public string Name => "shipping";

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
    /// Publishes the shipment's queued messages not known published, empties a terminal shipment's outbox, then deletes
    /// the pending marker the last write of this shipment made here. A transport failure propagates (the caller is
    /// redelivered and publishes again; the marker stays for the drain meanwhile).
    /// </summary>
    public async Task<int> PublishAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var sent = await PublishOutboxAsync(shipment, cancellationToken).ConfigureAwait(false);
        if (shipment.IsTerminal && shipment.Outbox.Count > 0)
        {
            await store.ClearOutboxAsync(shipment, cancellationToken).ConfigureAwait(false);
        }

        if (shipment.PendingMarker is { } marker)
        {
            await store.ClearPendingAsync(shipment.OrderId, marker, cancellationToken).ConfigureAwait(false);
            shipment.PendingMarker = null;
        }

        return sent;
    }

    /// <summary>
    /// For each pending marker: reads the shipment, publishes its outbox, empties it with a write conditioned on the
    /// ETag it read (so a write that queued a message after that read makes it fail), and only then deletes the marker,
    /// conditioned on the ETag it listed (so a marker written since stays). Either condition failing leaves the marker
    /// for the next run. A marker with no shipment is deleted after <see cref="OrphanGrace"/>.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var marker in await store.PendingAsync(PageSize, cancellationToken).ConfigureAwait(false))
        {
            var shipment = await store.FindAsync(marker.OrderId, cancellationToken).ConfigureAwait(false);
            if (shipment is null)
            {
                if (time.GetUtcNow() - marker.MarkedAt >= OrphanGrace)
                {
                    await store.ClearPendingAsync(marker.OrderId, marker.ETag, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var published = await PublishOutboxAsync(shipment, cancellationToken).ConfigureAwait(false);
            if (published > 0)
            {
                LogDrained(published, shipment.OrderId);
            }

            sent += published;
            if (await store.ClearOutboxAsync(shipment, cancellationToken).ConfigureAwait(false))
            {
                await store.ClearPendingAsync(marker.OrderId, marker.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        return sent;
    }

    private async Task<int> PublishOutboxAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var message in shipment.Outbox.Where(m => !publishedHere.TryGet(m.MessageId, out _)))
        {
            await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            publishedHere.AddOrUpdate(message.MessageId, true);
            LogPublished(message.Name, shipment.OrderId, message.MessageId);
            sent++;
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageName} for order {OrderId} as {MessageId}")]
    private partial void LogPublished(string messageName, Guid orderId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published {Count} message(s) of order {OrderId} a handler had left in the shipment's outbox")]
    private partial void LogDrained(int count, Guid orderId);
}
