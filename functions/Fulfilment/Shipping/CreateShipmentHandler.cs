using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Shipping;

/// <summary>
/// create-shipment (queue) — the carrier adapter. Calls the carrier only while the shipment is REQUESTED, so a
/// repeated command never creates a second shipment on our side (and the Idempotency-Key protects the carrier side).
/// 201 → CREATED; 400/422 → REJECTED and shipment-rejected (the workflow compensates); still failing after the
/// retries, or too slow → the exception propagates and the command is redelivered.
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
        var shipment = await FindOrRequestAsync(command, cancellationToken).ConfigureAwait(false);
        if (shipment.Status != ShipmentStatus.Requested)
        {
            // Nothing to write: decided on a fresh read, finishing a publish a failed attempt left undone.
            shipment = await store.FindAsync(command.OrderId, cancellationToken).ConfigureAwait(false) ?? shipment;
            if (shipment.Status != ShipmentStatus.Requested)
            {
                await outbox.PublishAsync(shipment, cancellationToken).ConfigureAwait(false);
                LogAlreadyHandled(command.OrderId, shipment.Status);
                return CreateShipmentOutcome.AlreadyHandled;
            }
        }

        var answer = await carrier.CreateShipmentAsync(command, cancellationToken).ConfigureAwait(false);
        var recorded = await ConcurrencyRetry.RunAsync(
            async ct =>
            {
                // The first attempt writes the shipment as last seen here; a lost race (412) forgot it, so a retry reads it.
                var current = await store.GetAsync(command.OrderId, ct).ConfigureAwait(false)
                              ?? throw new InvalidOperationException($"The shipment of order {command.OrderId} disappeared.");
                var now = time.GetUtcNow();
                outbox.Prune(current, consumed: MessageNames.CreateShipment);
                if (answer.IsAccepted && current.RecordCarrierAccepted(answer.ShipmentId!.Value, answer.TrackingNumber, answer.EstimatedDelivery, now))
                {
                    await store.UpdateAsync(current, null, ct).ConfigureAwait(false);
                }
                else if (!answer.IsAccepted && current.Reject(answer.StatusCode, answer.RejectionReason!, now) is { } rejected)
                {
                    await store.UpdateAsync(current, rejected, ct).ConfigureAwait(false);
                }

                return current;
            },
            cancellationToken).ConfigureAwait(false);
        await outbox.PublishAsync(recorded, cancellationToken).ConfigureAwait(false);

        if (answer.IsAccepted)
        {
            LogCreated(command.OrderId, answer.ShipmentId!.Value, answer.StatusCode);
            return CreateShipmentOutcome.Created;
        }

        LogRejected(command.OrderId, answer.StatusCode, answer.RejectionReason!);
        return CreateShipmentOutcome.Rejected;
    }

    /// <summary>The recorded shipment; a command that arrives without one (sent by hand, say) records it first.</summary>
    private async Task<Shipment> FindOrRequestAsync(CreateShipment command, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(command.OrderId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var requested = Shipment.Request(
            command.OrderId,
            command.Carrier ?? options.Value.CarrierName,
            command.Service ?? options.Value.DefaultService,
            command.ParcelCount ?? 1,
            time.GetUtcNow());
        return await store.TryInsertAsync(requested, null, cancellationToken).ConfigureAwait(false)
            ? requested
            : await store.FindAsync(command.OrderId, cancellationToken).ConfigureAwait(false)
              ?? throw new InvalidOperationException($"The shipment of order {command.OrderId} was not recorded.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier created shipment {ShipmentId} for order {OrderId} (HTTP {StatusCode})")]
    private partial void LogCreated(Guid orderId, Guid shipmentId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier rejected the shipment of order {OrderId} (HTTP {StatusCode}): {Reason}")]
    private partial void LogRejected(Guid orderId, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderId} is {Status} already; no carrier call")]
    private partial void LogAlreadyHandled(Guid orderId, ShipmentStatus status);
}
