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
/// </summary>
public sealed class ShipmentStore(TableClientFactory tables)
{
    public const string TableName = "Shipments";
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
    internal Task UpdateAsync(Shipment shipment, OutgoingMessage? pending, CancellationToken cancellationToken)
    {
        Queue(shipment, pending);
        return SubmitAsync(shipment, [Replace(shipment)], cancellationToken);
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
    internal Task RecordCarrierEventAsync(Shipment shipment, ProcessedCarrierEvent processed, OutgoingMessage? pending, CancellationToken cancellationToken)
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
        return SubmitAsync(shipment, [Replace(shipment), new(TableTransactionActionType.Add, row)], cancellationToken);
    }

    /// <summary>
    /// Empties the outbox of a shipment that no later change will write (its messages are published). Conditioned on
    /// the shipment's ETag: if it changed meanwhile, the outbox is left as it is (its messages are published again,
    /// with the same MessageIds, by whoever reads it next).
    /// </summary>
    internal async Task ClearOutboxAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        shipment.Outbox = [];
        try
        {
            await SubmitAsync(shipment, [Replace(shipment)], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Another writer got there first; its own outbox stands.
        }
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
