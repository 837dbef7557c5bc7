using Azure;
using Azure.Data.Tables;
using Fulfilment.Messaging;
using Fulfilment.Storage;

namespace Fulfilment.Shipping;

/// <summary>
/// The Shipments table. One partition per order (PartitionKey = orderId) holds the shipment row — with its outbox:
/// the messages its changes queued, written in the same row write as the change — and one row per processed carrier
/// event id (<c>event|{eventId}</c>), so that "change status + record the event id + queue the message" is one
/// entity-group transaction. Shipment writes are ETag-guarded; a lost race surfaces as 409/412 for
/// <see cref="ConcurrencyRetry"/>. The rows this process wrote are remembered with the ETags storage returned
/// (<see cref="RowCache"/>), so a handler that follows another reads nothing; a decision that writes nothing is
/// taken on a fresh read.
/// <para>
/// Pending markers: the outbox lives in the order's own partition, so nothing could find the orders whose outbox holds
/// an unpublished message without scanning every partition. So every write that queues a message is preceded by a
/// write of the order's marker row in one small dedicated partition (<see cref="PendingPartition"/>, row key =
/// orderId, written before the state write because no transaction spans two partitions); the writer deletes it,
/// conditioned on the ETag its write of the marker got, once it has published the outbox
/// (<see cref="ShipmentOutbox"/>). A marker
/// left behind — the publish failed, the process died, or the state write itself failed — is found by one partition
/// query (<see cref="PendingAsync"/>) and settled by <see cref="ShipmentOutbox.DrainAsync"/>. Why this keeps "a message
/// written to an outbox is published at least once, even if no further call arrives": a state write that queues a
/// message follows its marker write, and that follows the read the write is conditioned on; so a writer
/// whose conditional marker delete succeeds knows no other message was queued after its own write began without
/// also changing the marker (its delete would then fail), and every message queued before its write is in the
/// outbox it wrote and published. Cost: two storage calls per message-queuing write (insert, delete). A write that
/// finds its row taken (409) deletes a marker it created, so a redelivery or a replay leaves nothing behind.
/// </para>
/// </summary>
public sealed class ShipmentStore(TableClientFactory tables, TimeProvider time)
{
    public const string TableName = "Shipments";

    /// <summary>The partition of the pending markers (never an orderId: those are UUIDs).</summary>
    public const string PendingPartition = "outbox";
    private const string EventPrefix = "event|";

    private readonly RowCache cache = new();

    private TableClient Table => tables.Get(TableName);

    /// <summary>The shipment of an order as storage holds it now, or null when none was requested.</summary>
    public async Task<Shipment?> FindAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(
            ShipmentEntityMapper.PartitionKey(orderId), ShipmentEntityMapper.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            cache.Remove(ShipmentEntityMapper.PartitionKey(orderId), ShipmentEntityMapper.RowKey);
            return null;
        }

        cache.Set(row.Value!, row.Value!.ETag);
        return ShipmentEntityMapper.FromEntity(row.Value!);
    }

    /// <summary>
    /// The shipment as this process last wrote or read it, else as storage holds it. Only for a decision that is
    /// written conditioned on <see cref="Shipment.Version"/> (a stale copy then fails with 412 and is forgotten).
    /// </summary>
    internal Task<Shipment?> GetAsync(Guid orderId, CancellationToken cancellationToken) =>
        Remembered(orderId) is { } shipment ? Task.FromResult<Shipment?>(shipment) : FindAsync(orderId, cancellationToken);

    /// <summary>Inserts a new shipment with an optional message to publish; false when the order already has one.</summary>
    internal async Task<bool> TryInsertAsync(Shipment shipment, OutgoingMessage? pending, CancellationToken cancellationToken)
    {
        shipment.Outbox = pending is null ? [] : [pending];
        var marker = pending is null ? null : await MarkPendingAsync(shipment.OrderId, cancellationToken).ConfigureAwait(false);
        try
        {
            await SubmitAsync(shipment, [new(TableTransactionActionType.Add, ShipmentEntityMapper.ToEntity(shipment))], cancellationToken).ConfigureAwait(false);
            shipment.PendingMarker = marker?.ETag;
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            await UnmarkAsync(shipment.OrderId, marker, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Saves a changed shipment (ETag-guarded) with an optional message queued in its outbox, atomically.</summary>
    internal async Task UpdateAsync(Shipment shipment, OutgoingMessage? pending, CancellationToken cancellationToken)
    {
        Queue(shipment, pending);
        var marker = pending is null ? null : await MarkPendingAsync(shipment.OrderId, cancellationToken).ConfigureAwait(false);
        await SubmitAsync(shipment, [Replace(shipment)], cancellationToken).ConfigureAwait(false);
        shipment.PendingMarker = marker?.ETag;
    }

    /// <summary>
    /// Lets <paramref name="change"/> (a <see cref="Shipment"/> transition: whether it changed the shipment, and the
    /// message it queues) decide on the shipment as last seen here, and saves what it changed under that ETag. A
    /// change that changes nothing — a refusal or a repeat, which writes nothing — or a shipment not known here is
    /// decided on a fresh read instead. A lost race (412) forgets the row, so the retry reads it. Returns the shipment
    /// as saved or as read; null when the order has none.
    /// </summary>
    internal Task<Shipment?> ChangeAsync(Guid orderId, Func<Shipment, (bool Changed, OutgoingMessage? Message)> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConcurrencyRetry.RunAsync(
            async ct =>
            {
                var shipment = Remembered(orderId);
                var decided = shipment is null ? default : change(shipment);
                if (!decided.Changed)
                {
                    shipment = await FindAsync(orderId, ct).ConfigureAwait(false);
                    decided = shipment is null ? default : change(shipment);
                }

                if (shipment is not null && decided.Changed)
                {
                    await UpdateAsync(shipment, decided.Message, ct).ConfigureAwait(false);
                }

                return shipment;
            },
            cancellationToken);
    }

    internal async Task<ProcessedCarrierEvent?> FindCarrierEventAsync(Guid orderId, string eventId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(
            ShipmentEntityMapper.PartitionKey(orderId), EventPrefix + eventId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new ProcessedCarrierEvent(
            eventId,
            e.GetString("Type"),
            Enum.Parse<CarrierEventDisposition>(e.GetString("Disposition")),
            e.GetString("Detail"),
            e.GetDateTimeOffset("ReceivedAt") ?? default,
            e.GetString("MessageName"));
    }

    /// <summary>
    /// Records a carrier event id with the shipment as the decision saw it (ETag-guarded even when unchanged, so the
    /// decision cannot rest on a stale status) and its message, in one transaction. The event row is inserted, not
    /// read first: 409 (<see cref="TableTransactionFailedException"/>) when the id was processed before — a replay.
    /// </summary>
    internal async Task RecordCarrierEventAsync(Shipment shipment, ProcessedCarrierEvent processed, OutgoingMessage? pending, CancellationToken cancellationToken)
    {
        var row = new TableEntity(ShipmentEntityMapper.PartitionKey(shipment.OrderId), EventPrefix + processed.EventId)
        {
            ["Type"] = processed.Type,
            ["Disposition"] = processed.Disposition.ToString(),
            ["Detail"] = processed.Detail,
            ["ReceivedAt"] = processed.ReceivedAt,
            ["MessageName"] = processed.MessageName,
        };
        Queue(shipment, pending);
        var marker = pending is null ? null : await MarkPendingAsync(shipment.OrderId, cancellationToken).ConfigureAwait(false);
        try
        {
            await SubmitAsync(shipment, [Replace(shipment), new(TableTransactionActionType.Add, row)], cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            await UnmarkAsync(shipment.OrderId, marker, cancellationToken).ConfigureAwait(false);
            throw;
        }

        shipment.PendingMarker = marker?.ETag;
    }

    /// <summary>
    /// Empties the outbox of a shipment that no later change will write (its messages are published). Conditioned on
    /// the shipment's ETag: if it changed meanwhile, the outbox is left as it is (its messages are published again,
    /// with the same MessageIds, by whoever reads it next). False when it was left.
    /// </summary>
    internal async Task<bool> ClearOutboxAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        shipment.Outbox = [];
        try
        {
            await SubmitAsync(shipment, [Replace(shipment)], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Another writer got there first; its own outbox stands.
            return false;
        }
    }

    /// <summary>Up to <paramref name="take"/> pending markers: orders whose outbox may hold an unpublished message.</summary>
    internal async Task<IReadOnlyList<PendingShipment>> PendingAsync(int take, CancellationToken cancellationToken)
    {
        var markers = new List<PendingShipment>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            markers.Add(new PendingShipment(Guid.Parse(row.RowKey), row.ETag.ToString(), row.GetDateTimeOffset("MarkedAt") ?? DateTimeOffset.MinValue));
            if (markers.Count == take)
            {
                break;
            }
        }

        return markers;
    }

    /// <summary>
    /// Deletes the order's pending marker if it is still the one <paramref name="etag"/> names: a marker written since
    /// (another write queued a message) stays. True when deleted.
    /// </summary>
    internal async Task<bool> ClearPendingAsync(Guid orderId, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(PendingPartition, ShipmentEntityMapper.PartitionKey(orderId), new ETag(etag), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// The marker a write that queues a message writes first: inserted (the usual case: no message of the order is
    /// pending), else replaced. Returns its new ETag and whether this call created it.
    /// </summary>
    private async Task<PendingMark> MarkPendingAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var marker = new TableEntity(PendingPartition, ShipmentEntityMapper.PartitionKey(orderId)) { ["MarkedAt"] = time.GetUtcNow() };
        Response response;
        var created = true;
        try
        {
            response = await Table.AddEntityAsync(marker, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            response = await Table.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            created = false;
        }

        return new PendingMark(response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage returned no ETag for the pending marker."), created);
    }

    /// <summary>
    /// The write a marker announced found its row taken (409: a redelivery's insert, a replayed carrier event): nothing
    /// was queued. A marker this call created is deleted again (under its ETag): none was needed before it, and a
    /// marker written since stays. One that existed before stays for the drain (another write may need it).
    /// </summary>
    private async Task UnmarkAsync(Guid orderId, PendingMark? marker, CancellationToken cancellationToken)
    {
        if (marker is { Created: true, ETag: var etag })
        {
            await ClearPendingAsync(orderId, etag, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record PendingMark(string ETag, bool Created);

    private static void Queue(Shipment shipment, OutgoingMessage? pending)
    {
        if (pending is not null)
        {
            shipment.Outbox = [.. shipment.Outbox.Where(m => m.MessageId != pending.MessageId), pending];
        }
    }

    /// <summary>Writes the transaction (the shipment row first) and remembers the row with its new ETag; forgets it on any failure.</summary>
    private async Task SubmitAsync(Shipment shipment, TableTransactionAction[] actions, CancellationToken cancellationToken)
    {
        var entity = (TableEntity)actions[0].Entity;
        try
        {
            var responses = await EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
            var etag = EntityGroupTransaction.NewETag(responses[0]);
            cache.Set(entity, etag);
            shipment.Version = etag?.ToString();
        }
        catch (Exception e) when (e is RequestFailedException or TimeoutException or OperationCanceledException or IOException)
        {
            cache.Remove(entity.PartitionKey, entity.RowKey);
            throw;
        }
    }

    /// <summary>A copy of the shipment as this process last wrote or read it; null when not remembered.</summary>
    private Shipment? Remembered(Guid orderId)
    {
        if (!cache.TryGet(ShipmentEntityMapper.PartitionKey(orderId), ShipmentEntityMapper.RowKey, out var row))
        {
            return null;
        }

        var shipment = ShipmentEntityMapper.FromEntity(row.Entity);
        shipment.Version = row.ETag.ToString();
        return shipment;
    }

    private static TableTransactionAction Replace(Shipment shipment)
    {
        var entity = ShipmentEntityMapper.ToEntity(shipment);
        return new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag);
    }
}
