using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Shipping;

/// <summary>
/// One order's shipment and the rules of its lifecycle (see <see cref="ShipmentStatus"/>). Transitions live here:
/// requesting, sending and the carrier's answer to create-shipment (this file), cancelling
/// (<c>Shipment.Cancellation.cs</c>) and the carrier's callbacks (<c>Shipment.CarrierEvents.cs</c>). Storage maps it
/// with <see cref="ShipmentEntityMapper"/>.
/// </summary>
public sealed partial class Shipment
{
    private Shipment(Guid orderId, string carrier, ShippingService service, int parcelCount, DateTimeOffset requestedAt)
    {
        OrderId = orderId;
        Carrier = carrier;
        Service = service;
        ParcelCount = parcelCount;
        RequestedAt = requestedAt;
        UpdatedAt = requestedAt;
    }

    public Guid OrderId { get; }

    public ShipmentStatus Status { get; private set; }

    public string Carrier { get; }

    public ShippingService Service { get; }

    public int ParcelCount { get; }

    /// <summary>The carrier's id, known from its 201 answer or from its first callback.</summary>
    public Guid? ShipmentId { get; private set; }

    public string? TrackingNumber { get; private set; }

    public DateOnly? EstimatedDelivery { get; private set; }

    public DateTimeOffset RequestedAt { get; }

    public DateTimeOffset? CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? SignedBy { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public ShipmentFailureReason? FailureReason { get; private set; }

    public DateTimeOffset? RejectedAt { get; private set; }

    /// <summary>The carrier's reason for refusing create-shipment, with <see cref="RejectionStatusCode"/> (400 or 422).</summary>
    public string? RejectionReason { get; private set; }

    public int? RejectionStatusCode { get; private set; }

    /// <summary>
    /// What announced creation: the carrier event id of shipment-created, or <see cref="AnnouncedByCarrierAnswer"/>
    /// when the carrier's 201 carried the tracking number. A shipment-created after it is recorded and ignored.
    /// </summary>
    public string? CreatedEventId { get; private set; }

    /// <summary>When the create-shipment call was first about to be made (REQUESTED → SENDING).</summary>
    public DateTimeOffset? SendingAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Opaque storage version (the entity's ETag); conditional writes use it.</summary>
    internal string? Version { get; set; }

    /// <summary>
    /// Messages a state change queued (stored in the same row, so written atomically with the change) and not yet
    /// known to be published: see <see cref="ShipmentOutbox"/>.
    /// </summary>
    internal IReadOnlyList<OutgoingMessage> Outbox { get; set; } = [];

    public bool IsTerminal => Status is ShipmentStatus.Delivered or ShipmentStatus.Failed or ShipmentStatus.Rejected;

    /// <summary>The value of <see cref="CreatedEventId"/> when the carrier's 201 announced creation (never a carrier event id: it has a space).</summary>
    public const string AnnouncedByCarrierAnswer = "create-shipment answer";

    /// <summary>A new shipment, REQUESTED.</summary>
    public static Shipment Request(Guid orderId, string carrier, ShippingService service, int parcelCount, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parcelCount, 1);
        return new Shipment(orderId, carrier, service, parcelCount, now);
    }

    /// <summary>Rebuilds a stored shipment (used by the storage mapper only).</summary>
    internal static Shipment Restore(ShipmentSnapshot s) =>
        new(s.OrderId, s.Carrier, s.Service, s.ParcelCount, s.RequestedAt)
        {
            Status = s.Status,
            ShipmentId = s.ShipmentId,
            TrackingNumber = s.TrackingNumber,
            EstimatedDelivery = s.EstimatedDelivery,
            CreatedAt = s.CreatedAt,
            DeliveredAt = s.DeliveredAt,
            SignedBy = s.SignedBy,
            FailedAt = s.FailedAt,
            FailureReason = s.FailureReason,
            RejectedAt = s.RejectedAt,
            RejectionReason = s.RejectionReason,
            RejectionStatusCode = s.RejectionStatusCode,
            CreatedEventId = s.CreatedEventId,
            SendingAt = s.SendingAt,
            CancelledAt = s.CancelledAt,
            CancellationReason = s.CancellationReason,
            CancellationRefusedAt = s.CancellationRefusedAt,
            UpdatedAt = s.UpdatedAt,
            Version = s.Version,
            Outbox = s.Outbox,
        };

    /// <summary>The create-shipment command for this shipment, with a MessageId deterministic per order.</summary>
    public OutgoingMessage CreateShipmentCommand(Address destination) =>
        OutgoingMessage.Create(
            MessageNames.CreateShipment,
            new CreateShipment(OrderId, destination, Carrier, Service, ParcelCount),
            OrderId.ToString(),
            OrderId);

    /// <summary>
    /// About to call the carrier: REQUESTED → SENDING. Saved (ETag-guarded) before the call, so that a cancellation
    /// that wins the write is certain nothing was sent. Returns false when the shipment is not REQUESTED.
    /// </summary>
    public bool BeginSending(DateTimeOffset now)
    {
        if (Status != ShipmentStatus.Requested)
        {
            return false;
        }

        Status = ShipmentStatus.Sending;
        SendingAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// The carrier answered 201: SENDING (or REQUESTED) → CREATED. When a callback got there first, only blanks are
    /// filled in; a REJECTED or CANCELLED shipment, or another shipment id, is left alone. Returns false when nothing
    /// changed.
    /// </summary>
    public bool RecordCarrierAccepted(Guid shipmentId, string? trackingNumber, DateOnly? estimatedDelivery, DateTimeOffset now)
    {
        if (Status is ShipmentStatus.Rejected or ShipmentStatus.Cancelled || (ShipmentId is not null && ShipmentId != shipmentId))
        {
            return false;
        }

        var before = (Status, ShipmentId, TrackingNumber, EstimatedDelivery);
        if (Status is ShipmentStatus.Requested or ShipmentStatus.Sending)
        {
            Status = ShipmentStatus.Created;
            CreatedAt = now;
        }

        ShipmentId = shipmentId;
        TrackingNumber ??= trackingNumber;
        EstimatedDelivery ??= estimatedDelivery;
        if (before == (Status, ShipmentId, TrackingNumber, EstimatedDelivery))
        {
            return false;
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// shipment-created from the carrier's 201, which advances the workflow like the callback: only for a CREATED
    /// shipment whose tracking number is known and whose creation nobody announced yet (the callback, or an earlier
    /// answer). Null otherwise: a 201 without a tracking number leaves it to the callback.
    /// </summary>
    public OutgoingMessage? AnnounceCreated(DateTimeOffset now)
    {
        if (Status != ShipmentStatus.Created || CreatedEventId is not null || ShipmentId is not { } shipmentId || TrackingNumber is not { } tracking)
        {
            return null;
        }

        CreatedEventId = AnnouncedByCarrierAnswer;
        UpdatedAt = now;
        return Announce(MessageNames.ShipmentCreated, new ShipmentCreated(shipmentId, OrderId, tracking, CreatedAt ?? now, Carrier, EstimatedDelivery));
    }

    /// <summary>
    /// The carrier refused create-shipment for good (400/422): SENDING (or REQUESTED) → REJECTED, and the
    /// shipment-rejected event to publish. Null when the shipment has moved on (a callback, a cancellation).
    /// </summary>
    public OutgoingMessage? Reject(int statusCode, string reason, DateTimeOffset now)
    {
        if (Status is not (ShipmentStatus.Requested or ShipmentStatus.Sending))
        {
            return null;
        }

        Status = ShipmentStatus.Rejected;
        RejectedAt = now;
        RejectionStatusCode = statusCode;
        RejectionReason = reason;
        UpdatedAt = now;
        return OutgoingMessage.Create(
            MessageNames.ShipmentRejected,
            new ShipmentRejected(OrderId, statusCode, reason, now),
            OrderId.ToString(),
            OrderId);
    }
}
