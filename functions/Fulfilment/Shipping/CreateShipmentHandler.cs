using Fulfilment.Contracts;
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
        await FindOrRequestAsync(command, cancellationToken).ConfigureAwait(false);
        var status = await ConcurrencyRetry.RunAsync(ct => BeginSendingAsync(command.OrderId, ct), cancellationToken).ConfigureAwait(false);
        if (status != ShipmentStatus.Sending)
        {
            await outbox.PublishPendingAsync(command.OrderId, cancellationToken).ConfigureAwait(false);
            LogNotSent(command.OrderId, status);
            return status == ShipmentStatus.Cancelled ? CreateShipmentOutcome.Cancelled : CreateShipmentOutcome.AlreadyHandled;
        }

        var answer = await carrier.CreateShipmentAsync(command, cancellationToken).ConfigureAwait(false);
        status = await ConcurrencyRetry.RunAsync(ct => RecordAnswerAsync(command.OrderId, answer, ct), cancellationToken).ConfigureAwait(false);
        await outbox.PublishPendingAsync(command.OrderId, cancellationToken).ConfigureAwait(false);

        if (status == ShipmentStatus.Cancelled)
        {
            LogCancelled(command.OrderId, answer.StatusCode);
            return CreateShipmentOutcome.Cancelled;
        }

        if (answer.IsAccepted)
        {
            LogCreated(command.OrderId, answer.ShipmentId!.Value, answer.StatusCode);
            return CreateShipmentOutcome.Created;
        }

        LogRejected(command.OrderId, answer.StatusCode, answer.RejectionReason!);
        return CreateShipmentOutcome.Rejected;
    }

    /// <summary>REQUESTED → SENDING, saved before any carrier call; returns the status the call must go by.</summary>
    private async Task<ShipmentStatus> BeginSendingAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var shipment = await CurrentAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (shipment.BeginSending(time.GetUtcNow()))
        {
            await store.UpdateAsync(shipment, null, cancellationToken).ConfigureAwait(false);
        }

        return shipment.Status;
    }

    /// <summary>Applies the carrier's answer to the current shipment, with the shipment-created or -rejected it makes.</summary>
    private async Task<ShipmentStatus> RecordAnswerAsync(Guid orderId, CarrierResponse answer, CancellationToken cancellationToken)
    {
        var shipment = await CurrentAsync(orderId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var (changed, message) = answer switch
        {
            { IsAccepted: true } => (shipment.RecordCarrierAccepted(answer.ShipmentId!.Value, answer.TrackingNumber, answer.EstimatedDelivery, now), shipment.AnnounceCreated(now)),
            { IsCancelled: true } => (shipment.RecordCarrierCancelled("the carrier answered create-shipment: the key was cancelled", now), null),
            _ => (false, shipment.Reject(answer.StatusCode, answer.RejectionReason!, now)),
        };
        if (changed || message is not null)
        {
            await store.UpdateAsync(shipment, message, cancellationToken).ConfigureAwait(false);
        }

        return shipment.Status;
    }

    private async Task<Shipment> CurrentAsync(Guid orderId, CancellationToken cancellationToken) =>
        await store.FindAsync(orderId, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"The shipment of order {orderId} disappeared.");

    /// <summary>Records the shipment when a command arrives without one (sent by hand, say).</summary>
    private async Task FindOrRequestAsync(CreateShipment command, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(command.OrderId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var requested = Shipment.Request(
            command.OrderId,
            command.Carrier ?? options.Value.CarrierName,
            command.Service ?? options.Value.DefaultService,
            command.ParcelCount ?? 1,
            time.GetUtcNow());
        await store.TryInsertAsync(requested, null, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier created shipment {ShipmentId} for order {OrderId} (HTTP {StatusCode})")]
    private partial void LogCreated(Guid orderId, Guid shipmentId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier rejected the shipment of order {OrderId} (HTTP {StatusCode}): {Reason}")]
    private partial void LogRejected(Guid orderId, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderId} is {Status}; no carrier call")]
    private partial void LogNotSent(Guid orderId, ShipmentStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderId} is cancelled; the carrier answered create-shipment with HTTP {StatusCode}")]
    private partial void LogCancelled(Guid orderId, int statusCode);
}
