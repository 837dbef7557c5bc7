namespace Fulfilment.Contracts;

/// <summary>Event (carrier callback), carrier → Shipping: the parcel will not be delivered.</summary>
public sealed record ShipmentFailed(
    Guid ShipmentId,
    Guid OrderId,
    ShipmentFailureReason Reason,
    DateTimeOffset FailedAt);
