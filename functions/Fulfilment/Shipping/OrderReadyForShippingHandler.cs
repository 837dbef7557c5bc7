using Fulfilment.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Shipping;

/// <summary>
/// order-ready-for-shipping (topic subscription "shipping"): records the shipment as REQUESTED and sends the
/// create-shipment command, once per order whatever the redeliveries. The record and the queued command are one
/// write; a redelivery finds the record and only finishes a send left undone. A CANCELLED shipment (the tombstone a
/// cancellation leaves when the order had none yet) is a record too: no shipment, no create-shipment.
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
        var existing = await store.FindAsync(message.OrderId, cancellationToken).ConfigureAwait(false);
        if (existing is { Status: ShipmentStatus.Cancelled })
        {
            LogCancelled(message.OrderId);
        }
        else if (existing is null)
        {
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
        }

        await outbox.PublishPendingAsync(message.OrderId, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderId} requested from {Carrier} ({Service})")]
    private partial void LogRequested(Guid orderId, string carrier, ShippingService service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipment of order {OrderId} is cancelled; order-ready-for-shipping requests nothing")]
    private partial void LogCancelled(Guid orderId);
}
