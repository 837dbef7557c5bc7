namespace Fulfilment.Contracts;

/// <summary>Event (carrier callback), carrier → Shipping: the carrier has the parcel and a tracking number.</summary>
public sealed record ShipmentCreated(
    Guid ShipmentId,
    Guid OrderId,
    string TrackingNumber,
    DateTimeOffset CreatedAt,
    string? Carrier = null,
    DateOnly? EstimatedDelivery = null);
