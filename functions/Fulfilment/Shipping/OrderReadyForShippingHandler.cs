using Fulfilment.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Shipping;

/// <summary>
/// order-ready-for-shipping (topic subscription "shipping"): records the shipment as REQUESTED and sends the
/// create-shipment command, once per order whatever the redeliveries. The record and the queued command are one
/// write, an insert not preceded by a read; a redelivery's insert finds the record (409) and only finishes a send
/// left undone. A CANCELLED shipment (the tombstone a cancellation leaves when the order had none yet) is a record
/// too: its insert finds it, and no create-shipment is queued.
/// </summary>
public sealed partial class OrderReadyForShippingHandler(
    ShipmentStore store,
    ShipmentOutbox outbox,
    IOptions<ShippingOptions> options,
    TimeProvider time,
    ILogger<OrderReadyForShippingHandler> logger)
{
    public async Task HandleAsync(OrderReadyForShipping message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var shipment = Shipment.Request(
            message.OrderId,
            options.Value.CarrierName,
            message.Service ?? options.Value.DefaultService,
            message.ParcelCount ?? 1,
            time.GetUtcNow());
        if (await store.TryInsertAsync(shipment, shipment.CreateShipmentCommand(message.ShippingAddress), cancellationToken).ConfigureAwait(false))
        {
            LogRequested(message.OrderId, shipment.Carrier, shipment.Service);
        }
        else
        {
            // A redelivery, or a cancellation came first: the shipment is recorded; finish what its outbox still holds.
            shipment = await store.FindAsync(message.OrderId, cancellationToken).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"The shipment of order {message.OrderId} exists but could not be read.");
            if (shipment.Status == ShipmentStatus.Cancelled)
            {
                LogCancelled(message.OrderId);
            }
        }

        await outbox.PublishAsync(shipment, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderId} requested from {Carrier} ({Service})")]
    private partial void LogRequested(Guid orderId, string carrier, ShippingService service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipment of order {OrderId} is cancelled; order-ready-for-shipping requests nothing")]
    private partial void LogCancelled(Guid orderId);
}
