using BitFaster.Caching.Lru;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Shipping;

/// <summary>
/// Publishes what a shipment's outbox holds. A state change is persisted first, with its message in the shipment
/// row's outbox, in one write; the handler then publishes it, and if that publish fails, marks the order pending (see
/// <see cref="ShipmentStore"/>) before the failure propagates. A message stays in the outbox until a later write of the
/// shipment drops it — the next change folds that in for free — or, once the shipment is terminal (no later change
/// will come), one write empties the outbox. Which messages were published is known in this process (a bounded memory
/// of MessageIds); a message not known to be published is published again by whoever reads the outbox next. A
/// pending marker is settled by <see cref="DrainAsync"/> on the outbox timer, with no further call for the order. MessageIds are deterministic, so a re-send is dropped by
/// duplicate detection.
/// </summary>
public sealed partial class ShipmentOutbox(ShipmentStore store, IMessagePublisher publisher, TimeProvider time, ILogger<ShipmentOutbox> logger) : IOutbox
{
    /// <summary>Pending markers handled per run; the rest wait for the next run.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// How long a marker with no shipment behind it is kept before it is deleted (a marker follows its shipment's
    /// write, so none should exist; this only guards against a table edited by hand).
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
    /// Publishes the shipment's queued messages not known published, then empties a terminal shipment's outbox. A
    /// publish that fails marks the order pending for the drain (best effort: if storage fails too, the redelivery of
    /// what the caller was handling publishes again), then the failure propagates (the caller is redelivered).
    /// </summary>
    public async Task<int> PublishAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        int sent;
        try
        {
            sent = await PublishOutboxAsync(shipment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await MarkPendingAsync(shipment.OrderId).ConfigureAwait(false);
            throw;
        }

        if (shipment.IsTerminal && shipment.Outbox.Count > 0)
        {
            await store.ClearOutboxAsync(shipment, cancellationToken).ConfigureAwait(false);
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
        var failures = new OutboxFailures(Name);
        foreach (var marker in await store.PendingAsync(PageSize, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                sent += await SettleAsync(marker, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMarkerFailed(e, marker.OrderId);
                if (!failures.Add(e))
                {
                    break; // likely an outage: the rest wait for the next run
                }
            }
        }

        failures.ThrowIfAny();
        return sent;
    }

    /// <summary>One marker: the shipment's outbox published and emptied, then the marker deleted; returns how many were published.</summary>
    private async Task<int> SettleAsync(PendingShipment marker, CancellationToken cancellationToken)
    {
        var shipment = await store.FindAsync(marker.OrderId, cancellationToken).ConfigureAwait(false);
        if (shipment is null)
        {
            if (time.GetUtcNow() - marker.MarkedAt >= OrphanGrace)
            {
                await store.ClearPendingAsync(marker.OrderId, marker.ETag, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        var published = await PublishOutboxAsync(shipment, cancellationToken).ConfigureAwait(false);
        if (published > 0)
        {
            LogDrained(published, shipment.OrderId);
        }

        if (await store.ClearOutboxAsync(shipment, cancellationToken).ConfigureAwait(false))
        {
            await store.ClearPendingAsync(marker.OrderId, marker.ETag, cancellationToken).ConfigureAwait(false);
        }

        return published;
    }

    /// <summary>Writes the order's pending marker, not bound to the caller's token (its publish may have failed by cancellation).</summary>
    private async Task MarkPendingAsync(Guid orderId)
    {
        try
        {
            await store.MarkPendingAsync(orderId, CancellationToken.None).ConfigureAwait(false);
            LogMarkedPending(orderId);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or TimeoutException or IOException or OperationCanceledException)
        {
            LogMarkFailed(e, orderId);
        }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The pending marker of order {OrderId} could not be settled; the next markers go on")]
    private partial void LogMarkerFailed(Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the outbox of order {OrderId} failed; marked pending for the outbox timer")]
    private partial void LogMarkedPending(Guid orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the outbox of order {OrderId} failed and it could not be marked pending; its redelivery will publish it")]
    private partial void LogMarkFailed(Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published {Count} message(s) of order {OrderId} a handler had left in the shipment's outbox")]
    private partial void LogDrained(int count, Guid orderId);
}
