using Fulfilment.Contracts;

namespace Fulfilment.Shipping;

/// <summary>
/// The cancellation rules. A shipment becomes CANCELLED only when it is certain that no parcel leaves:
/// <list type="bullet">
/// <item>no shipment yet: a CANCELLED tombstone takes its place, so a late order-ready-for-shipping sends nothing;</item>
/// <item>REQUESTED: nothing was sent (SENDING is written before any carrier call), so it is cancelled here;</item>
/// <item>SENDING or CREATED: only the carrier can say — cancelled (<see cref="RecordCarrierCancelled"/>) or too late
/// (<see cref="RecordCancellationRefused"/>, the status stays).</item>
/// </list>
/// </summary>
public sealed partial class Shipment
{
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Why the cancellation was asked for (the workflow's reason), kept whether it succeeded or was refused.</summary>
    public string? CancellationReason { get; private set; }

    /// <summary>When the carrier answered that it was too late to cancel (it has the parcel); the status is unchanged.</summary>
    public DateTimeOffset? CancellationRefusedAt { get; private set; }

    /// <summary>
    /// A CANCELLED shipment for an order that had none: order-ready-for-shipping finds it and requests nothing.
    /// Carrier and service are the configured ones, <see cref="RequestedAt"/> is the cancellation time.
    /// </summary>
    public static Shipment Tombstone(Guid orderId, string carrier, ShippingService service, string reason, DateTimeOffset now) =>
        new(orderId, carrier, service, 1, now)
        {
            Status = ShipmentStatus.Cancelled,
            CancelledAt = now,
            CancellationReason = reason,
        };

    /// <summary>REQUESTED → CANCELLED: nothing was sent to the carrier. False in any other status.</summary>
    public bool CancelBeforeSending(string reason, DateTimeOffset now) =>
        Status == ShipmentStatus.Requested && MarkCancelled(reason, now);

    /// <summary>
    /// The carrier cancelled the shipment (or blocked its key, answering a create with 409 CANCELLED): REQUESTED,
    /// SENDING or CREATED → CANCELLED. False in any other status (already CANCELLED, REJECTED, or the parcel was
    /// delivered or failed meanwhile).
    /// </summary>
    public bool RecordCarrierCancelled(string reason, DateTimeOffset now) =>
        (Status is ShipmentStatus.Requested or ShipmentStatus.Sending or ShipmentStatus.Created) && MarkCancelled(reason, now);

    /// <summary>The carrier answered too late: recorded once, the status stays. False when already recorded.</summary>
    public bool RecordCancellationRefused(string reason, DateTimeOffset now)
    {
        if (CancellationRefusedAt is not null)
        {
            return false;
        }

        CancellationRefusedAt = now;
        CancellationReason = reason;
        UpdatedAt = now;
        return true;
    }

    private bool MarkCancelled(string reason, DateTimeOffset now)
    {
        Status = ShipmentStatus.Cancelled;
        CancelledAt = now;
        CancellationReason = reason;
        UpdatedAt = now;
        return true;
    }
}
