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
/// an unpublished message without scanning every partition. A handler publishes its outbox right after its write; when
/// that publish fails, <see cref="ShipmentOutbox"/> writes the order's marker row in one small dedicated partition
/// (<see cref="PendingPartition"/>, row key = orderId) before the failure propagates, and the outbox timer finds it by
/// one partition query (<see cref="PendingAsync"/>) and settles it (<see cref="ShipmentOutbox.DrainAsync"/>) with no
/// further call for the order. The happy path costs nothing more: no marker is written when the publish succeeds. A
/// process that dies between its write and its publish writes no marker; what it was handling comes again — a
/// Service Bus message is redelivered when its lock expires, the carrier retries a callback that got no answer
/// (docs/carrier-integration.md) — and that call publishes the outbox it reads (docs/crash-boundaries.md).
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
        try
        {
            await SubmitAsync(shipment, [new(TableTransactionActionType.Add, ShipmentEntityMapper.ToEntity(shipment))], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Saves a changed shipment (ETag-guarded) with an optional message queued in its outbox, atomically.</summary>
    internal async Task UpdateAsync(Shipment shipment, OutgoingMessage? pending, CancellationToken cancellationToken)
    {
        Queue(shipment, pending);
        await SubmitAsync(shipment, [Replace(shipment)], cancellationToken).ConfigureAwait(false);
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
        await SubmitAsync(shipment, [Replace(shipment), new(TableTransactionActionType.Add, row)], cancellationToken).ConfigureAwait(false);
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
    /// Marks the order's outbox as holding a message that may be unpublished (its publish failed): the marker row is
    /// written, or rewritten with a new ETag when one is there, so that a drain that listed the old one leaves it.
    /// </summary>
    internal async Task MarkPendingAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var marker = new TableEntity(PendingPartition, ShipmentEntityMapper.PartitionKey(orderId)) { ["MarkedAt"] = time.GetUtcNow() };
        await Table.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

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
