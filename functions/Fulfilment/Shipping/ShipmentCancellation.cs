using Fulfilment.Messaging;
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
/// Writes are conditioned on the ETag of the shipment as last seen here; an outcome that writes nothing, and the
/// decision to ask the carrier, rest on a fresh read. Idempotent. A transient failure (storage, the carrier still
/// failing after the client's retries) throws.
/// </summary>
public sealed partial class ShipmentCancellation(
    ShipmentStore store,
    ShipmentOutbox outbox,
    CarrierClient carrier,
    IOptions<ShippingOptions> options,
    TimeProvider time,
    ILogger<ShipmentCancellation> logger)
{
    public async Task<ShipmentCancellationOutcome> CancelAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var shipment = await CancelBeforeSendingAsync(orderId, reason, cancellationToken).ConfigureAwait(false)
                       ?? await TombstoneAsync(orderId, reason, cancellationToken).ConfigureAwait(false);
        if (Settled(shipment) is { } outcome)
        {
            LogDecided(orderId, outcome);
            return outcome;
        }

        var answer = await carrier.CancelShipmentAsync(orderId, cancellationToken).ConfigureAwait(false);
        shipment = await store.ChangeAsync(orderId, s => RecordAnswer(s, reason, answer), cancellationToken).ConfigureAwait(false)
                   ?? throw Disappeared(orderId);
        var recorded = answer == CarrierCancelAnswer.Cancelled && (shipment.Status is ShipmentStatus.Cancelled or ShipmentStatus.Rejected)
            ? ShipmentCancellationOutcome.Cancelled
            : ShipmentCancellationOutcome.TooLate;
        LogCarrierAnswered(orderId, answer, recorded);
        return recorded;
    }

    /// <summary>
    /// REQUESTED → CANCELLED, ETag-guarded: a create-shipment that wins the write to SENDING makes this one re-read and
    /// find SENDING. Any other status is returned as freshly read (nothing written); null when the order has no shipment.
    /// </summary>
    private Task<Shipment?> CancelBeforeSendingAsync(Guid orderId, string reason, CancellationToken cancellationToken) =>
        store.ChangeAsync(
            orderId,
            shipment =>
            {
                outbox.Prune(shipment);
                return (shipment.CancelBeforeSending(reason, time.GetUtcNow()), null);
            },
            cancellationToken);

    /// <summary>
    /// No shipment: a CANCELLED tombstone takes its place (an insert; 409 means order-ready-for-shipping recorded one
    /// meanwhile, which is then cancelled like any other).
    /// </summary>
    private async Task<Shipment> TombstoneAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var tombstone = Shipment.Tombstone(orderId, settings.CarrierName, settings.DefaultService, reason, time.GetUtcNow());
        return await store.TryInsertAsync(tombstone, null, cancellationToken).ConfigureAwait(false)
            ? tombstone
            : await CancelBeforeSendingAsync(orderId, reason, cancellationToken).ConfigureAwait(false) ?? throw Disappeared(orderId);
    }

    /// <summary>The outcome when Shipping can settle it alone; null when only the carrier can say (SENDING, CREATED).</summary>
    private static ShipmentCancellationOutcome? Settled(Shipment shipment) => shipment.Status switch
    {
        ShipmentStatus.Cancelled or ShipmentStatus.Rejected => ShipmentCancellationOutcome.Cancelled,
        ShipmentStatus.Delivered or ShipmentStatus.Failed => ShipmentCancellationOutcome.TooLate,
        _ when shipment.CancellationRefusedAt is not null => ShipmentCancellationOutcome.TooLate,
        _ => null,
    };

    /// <summary>The carrier's answer applied to the shipment; a callback that moved it meanwhile is respected.</summary>
    private (bool Changed, OutgoingMessage? Message) RecordAnswer(Shipment shipment, string reason, CarrierCancelAnswer answer)
    {
        var now = time.GetUtcNow();
        outbox.Prune(shipment);
        var changed = answer == CarrierCancelAnswer.Cancelled
            ? shipment.RecordCarrierCancelled(reason, now)
            : shipment.RecordCancellationRefused(reason, now);
        return (changed, null);
    }

    private static InvalidOperationException Disappeared(Guid orderId) => new($"The shipment of order {orderId} disappeared.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelling the shipment of order {OrderId}: {Outcome}")]
    private partial void LogDecided(Guid orderId, ShipmentCancellationOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelling the shipment of order {OrderId}: the carrier answered {Answer}, {Outcome}")]
    private partial void LogCarrierAnswered(Guid orderId, CarrierCancelAnswer answer, ShipmentCancellationOutcome outcome);
}
