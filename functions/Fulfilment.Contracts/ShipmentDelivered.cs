namespace Fulfilment.Contracts;

/// <summary>Event (carrier callback), carrier → Shipping: the parcel reached the customer.</summary>
public sealed record ShipmentDelivered(
    Guid ShipmentId,
    Guid OrderId,
    DateTimeOffset DeliveredAt,
    string? SignedBy = null);
