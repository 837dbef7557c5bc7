using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Shipping;

/// <summary>
/// create-shipment (queue) — the carrier adapter. Before calling the carrier it moves the shipment REQUESTED → SENDING
/// (ETag-guarded), so a cancellation that wins that write is certain nothing was sent; it calls only from SENDING (a
/// redelivery finding SENDING calls again with the same Idempotency-Key: it cannot know whether the first call
/// arrived) and never for a CANCELLED or later shipment. 201 → CREATED, and shipment-created when the answer carries
/// the tracking number (otherwise the callback publishes it); 400/422 → REJECTED and shipment-rejected (the workflow
/// compensates); 409 CANCELLED (the key was cancelled with the carrier first) → CANCELLED, nothing published; still
/// failing after the retries, or too slow → the exception propagates and the command is redelivered.
/// </summary>
public sealed partial class CreateShipmentHandler(
    ShipmentStore store,
    ShipmentOutbox outbox,
    CarrierClient carrier,
    IOptions<ShippingOptions> options,
    TimeProvider time,
    ILogger<CreateShipmentHandler> logger)
{
    public async Task<CreateShipmentOutcome> HandleAsync(CreateShipment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var shipment = await BeginSendingAsync(command.OrderId, cancellationToken).ConfigureAwait(false)
                       ?? await RequestAsync(command, cancellationToken).ConfigureAwait(false);
        if (shipment.Status != ShipmentStatus.Sending)
        {
            // Decided on a fresh read (nothing was written); finishes a publish a failed attempt left undone.
            await outbox.PublishAsync(shipment, cancellationToken).ConfigureAwait(false);
            LogNotSent(command.OrderId, shipment.Status);
            return shipment.Status == ShipmentStatus.Cancelled ? CreateShipmentOutcome.Cancelled : CreateShipmentOutcome.AlreadyHandled;
        }

        var answer = await carrier.CreateShipmentAsync(command, cancellationToken).ConfigureAwait(false);
        shipment = await store.ChangeAsync(command.OrderId, s => RecordAnswer(s, answer), cancellationToken).ConfigureAwait(false)
                   ?? throw Disappeared(command.OrderId);
        await outbox.PublishAsync(shipment, cancellationToken).ConfigureAwait(false);

        if (shipment.Status == ShipmentStatus.Cancelled)
        {
            LogCancelled(command.OrderId, answer.StatusCode);
            return CreateShipmentOutcome.Cancelled;
        }

        if (answer.IsAccepted)
        {
            LogCreated(command.OrderId, answer.ShipmentId!.Value, answer.StatusCode);
            return CreateShipmentOutcome.Created;
        }

        LogRejected(command.OrderId, answer.StatusCode);
        LogRejectionText(command.OrderId, answer.RejectionReason!);
        return CreateShipmentOutcome.Rejected;
    }

    /// <summary>
    /// REQUESTED → SENDING, saved (ETag-guarded) before any carrier call; the shipment the call must go by (SENDING:
    /// call), or null when the order has none. The write drops create-shipment from the outbox: being handled, it was sent.
    /// </summary>
    private Task<Shipment?> BeginSendingAsync(Guid orderId, CancellationToken cancellationToken) =>
        store.ChangeAsync(
            orderId,
            shipment =>
            {
                outbox.Prune(shipment, consumed: MessageNames.CreateShipment);
                return (shipment.BeginSending(time.GetUtcNow()), null);
            },
            cancellationToken);

    /// <summary>The carrier's answer applied to the shipment, with the shipment-created or -rejected it makes.</summary>
    private (bool Changed, OutgoingMessage? Message) RecordAnswer(Shipment shipment, CarrierResponse answer)
    {
        var now = time.GetUtcNow();
        outbox.Prune(shipment, consumed: MessageNames.CreateShipment);
        var (changed, message) = answer switch
        {
            { IsAccepted: true } => (shipment.RecordCarrierAccepted(answer.ShipmentId!.Value, answer.TrackingNumber, answer.EstimatedDelivery, now), shipment.AnnounceCreated(now)),
            { IsCancelled: true } => (shipment.RecordCarrierCancelled("the carrier answered create-shipment: the key was cancelled", now), null),
            _ => (false, shipment.Reject(answer.StatusCode, answer.RejectionReason!, now)),
        };
        return (changed || message is not null, message);
    }

    /// <summary>
    /// A command that arrives without a recorded shipment (sent by hand, say) records it as REQUESTED (an insert; 409:
    /// another delivery got there first), then moves it to SENDING like any other.
    /// </summary>
    private async Task<Shipment> RequestAsync(CreateShipment command, CancellationToken cancellationToken)
    {
        var requested = Shipment.Request(
            command.OrderId,
            command.Carrier ?? options.Value.CarrierName,
            command.Service ?? options.Value.DefaultService,
            command.ParcelCount ?? 1,
            time.GetUtcNow());
        await store.TryInsertAsync(requested, null, cancellationToken).ConfigureAwait(false);
        return await BeginSendingAsync(command.OrderId, cancellationToken).ConfigureAwait(false) ?? throw Disappeared(command.OrderId);
    }

    private static InvalidOperationException Disappeared(Guid orderId) => new($"The shipment of order {orderId} disappeared.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier created shipment {ShipmentId} for order {OrderId} (HTTP {StatusCode})")]
    private partial void LogCreated(Guid orderId, Guid shipmentId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier rejected the shipment of order {OrderId} (HTTP {StatusCode})")]
    private partial void LogRejected(Guid orderId, int statusCode);

    /// <summary>The carrier's own words may echo the address it refused: Debug only (they travel on in shipment-rejected).</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Carrier's answer rejecting the shipment of order {OrderId}: {Reason}")]
    private partial void LogRejectionText(Guid orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderId} is {Status}; no carrier call")]
    private partial void LogNotSent(Guid orderId, ShipmentStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderId} is cancelled; the carrier answered create-shipment with HTTP {StatusCode}")]
    private partial void LogCancelled(Guid orderId, int statusCode);
}
