using Azure;
using Azure.Data.Tables;
using Fulfilment.Messaging;
using Fulfilment.Storage;

namespace Fulfilment.Shipping;

/// <summary>
/// The Shipments table. One partition per order (PartitionKey = orderId) holds the shipment row, one row per
/// processed carrier event id (<c>event|{eventId}</c>) and one outbox row per message published for the order
/// (<c>message|{name}</c>), so that "change status + record the event id + queue the message" is one entity-group
/// transaction. Shipment writes are ETag-guarded; a lost race surfaces as 409/412 for <see cref="ConcurrencyRetry"/>.
/// </summary>
public sealed class ShipmentStore(TableClientFactory tables)
{
    public const string TableName = "Shipments";
    private const string EventPrefix = "event|";
    private const string MessagePrefix = "message|";

    private TableClient Table => tables.Get(TableName);

    /// <summary>The shipment of an order, or null when none was requested (for the status view and the handlers).</summary>
    public async Task<Shipment?> FindAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(
            ShipmentEntityMapper.PartitionKey(orderId), ShipmentEntityMapper.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ShipmentEntityMapper.FromEntity(row.Value!) : null;
    }

    /// <summary>Inserts a new shipment with an optional message to publish; false when the order already has one.</summary>
    internal async Task<bool> TryInsertAsync(Shipment shipment, OutgoingMessage? pending, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, ShipmentEntityMapper.ToEntity(shipment))];
        AddOutbox(actions, shipment.OrderId, pending);
        try
        {
            await EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Saves a changed shipment (ETag-guarded) and queues an optional message, atomically.</summary>
    internal Task UpdateAsync(Shipment shipment, OutgoingMessage? pending, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> actions = [Replace(shipment)];
        AddOutbox(actions, shipment.OrderId, pending);
        return EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken);
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
    /// decision cannot rest on a stale status) and its message, in one transaction. 409 when the id is already there.
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
        List<TableTransactionAction> actions = [Replace(shipment), new(TableTransactionActionType.Add, row)];
        AddOutbox(actions, shipment.OrderId, pending);
        return EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken);
    }

    /// <summary>The order's queued messages not yet marked as published.</summary>
    internal async Task<IReadOnlyList<OutgoingMessage>> PendingMessagesAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ShipmentEntityMapper.PartitionKey(orderId)} and RowKey ge {MessagePrefix} and RowKey lt {"message}"} and Published eq {false}");
        var pending = new List<OutgoingMessage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pending.Add(new OutgoingMessage(e.GetString("Name"), e.GetString("Body"), e.GetString("MessageId"), e.GetString("CorrelationId")));
        }

        return pending;
    }

    internal Task MarkPublishedAsync(Guid orderId, OutgoingMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        Table.UpdateEntityAsync(
            new TableEntity(ShipmentEntityMapper.PartitionKey(orderId), MessagePrefix + message.Name) { ["Published"] = true, ["PublishedAt"] = now },
            ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);

    private static TableTransactionAction Replace(Shipment shipment)
    {
        var entity = ShipmentEntityMapper.ToEntity(shipment);
        return new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag);
    }

    private static void AddOutbox(List<TableTransactionAction> actions, Guid orderId, OutgoingMessage? message)
    {
        if (message is null)
        {
            return;
        }

        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(ShipmentEntityMapper.PartitionKey(orderId), MessagePrefix + message.Name)
        {
            ["Name"] = message.Name,
            ["Body"] = message.Body,
            ["MessageId"] = message.MessageId,
            ["CorrelationId"] = message.CorrelationId,
            ["Published"] = false,
        }));
    }
}
