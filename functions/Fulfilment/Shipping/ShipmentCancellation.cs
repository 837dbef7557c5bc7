using Fulfilment.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Shipping;

/// <summary>
/// Cancels an order's shipment for the workflow, answering <see cref="ShipmentCancellationOutcome.Cancelled"/> only
/// when it is certain that no parcel leaves:
/// <list type="bullet">
/// <item>no shipment → a CANCELLED tombstone, so a late order-ready-for-shipping sends nothing;</item>
/// <item>REQUESTED → CANCELLED (ETag-guarded: a create-shipment that won the write to SENDING makes it re-read and
/// ask the carrier instead);</item>
/// <item>SENDING or CREATED → the carrier's cancel call: cancelled → CANCELLED; too late → TooLate, recorded on the
/// shipment (the status stays), and later calls answer TooLate without asking again;</item>
/// <item>CANCELLED or REJECTED → Cancelled; DELIVERED or FAILED → TooLate.</item>
/// </list>
/// Idempotent. A transient failure (storage, the carrier still failing after the client's retries) throws.
/// </summary>
public sealed partial class ShipmentCancellation(
    ShipmentStore store,
    CarrierClient carrier,
    IOptions<ShippingOptions> options,
    TimeProvider time,
    ILogger<ShipmentCancellation> logger)
{
    public async Task<ShipmentCancellationOutcome> CancelAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var decided = await ConcurrencyRetry.RunAsync(ct => DecideAsync(orderId, reason, ct), cancellationToken).ConfigureAwait(false);
        if (decided is { } outcome)
        {
            LogDecided(orderId, outcome);
            return outcome;
        }

        var answer = await carrier.CancelShipmentAsync(orderId, cancellationToken).ConfigureAwait(false);
        var recorded = await ConcurrencyRetry.RunAsync(ct => RecordAnswerAsync(orderId, reason, answer, ct), cancellationToken).ConfigureAwait(false);
        LogCarrierAnswered(orderId, answer, recorded);
        return recorded;
    }

    /// <summary>The outcome when Shipping can settle it alone; null when only the carrier can say.</summary>
    private async Task<ShipmentCancellationOutcome?> DecideAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var shipment = await store.FindAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (shipment is null)
        {
            var settings = options.Value;
            if (await store.TryInsertAsync(Shipment.Tombstone(orderId, settings.CarrierName, settings.DefaultService, reason, now), null, cancellationToken).ConfigureAwait(false))
            {
                return ShipmentCancellationOutcome.Cancelled;
            }

            shipment = await store.FindAsync(orderId, cancellationToken).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"The shipment of order {orderId} disappeared.");
        }

        if (shipment.CancelBeforeSending(reason, now))
        {
            await store.UpdateAsync(shipment, null, cancellationToken).ConfigureAwait(false);
            return ShipmentCancellationOutcome.Cancelled;
        }

        return shipment.Status switch
        {
            ShipmentStatus.Cancelled or ShipmentStatus.Rejected => ShipmentCancellationOutcome.Cancelled,
            ShipmentStatus.Delivered or ShipmentStatus.Failed => ShipmentCancellationOutcome.TooLate,
            _ when shipment.CancellationRefusedAt is not null => ShipmentCancellationOutcome.TooLate,
            _ => null,
        };
    }

    /// <summary>Records the carrier's answer on the current shipment; a callback that moved it meanwhile is respected.</summary>
    private async Task<ShipmentCancellationOutcome> RecordAnswerAsync(Guid orderId, string reason, CarrierCancelAnswer answer, CancellationToken cancellationToken)
    {
        var shipment = await store.FindAsync(orderId, cancellationToken).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"The shipment of order {orderId} disappeared.");
        var now = time.GetUtcNow();
        var changed = answer == CarrierCancelAnswer.Cancelled
            ? shipment.RecordCarrierCancelled(reason, now)
            : shipment.RecordCancellationRefused(reason, now);
        if (changed)
        {
            await store.UpdateAsync(shipment, null, cancellationToken).ConfigureAwait(false);
        }

        return answer == CarrierCancelAnswer.Cancelled && (shipment.Status is ShipmentStatus.Cancelled or ShipmentStatus.Rejected)
            ? ShipmentCancellationOutcome.Cancelled
            : ShipmentCancellationOutcome.TooLate;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelling the shipment of order {OrderId}: {Outcome}")]
    private partial void LogDecided(Guid orderId, ShipmentCancellationOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelling the shipment of order {OrderId}: the carrier answered {Answer}, {Outcome}")]
    private partial void LogCarrierAnswered(Guid orderId, CarrierCancelAnswer answer, ShipmentCancellationOutcome outcome);
}
