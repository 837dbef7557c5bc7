namespace Fulfilment.Shipping;

/// <summary>A pending marker (see <see cref="ShipmentStore"/>): the order, the marker's ETag, and when it was written.</summary>
internal sealed record PendingShipment(Guid OrderId, string ETag, DateTimeOffset MarkedAt);
