namespace Fulfilment.Contracts;

/// <summary>Event, Warehouse → Shipping: the packed order can be handed to a carrier.</summary>
public sealed record OrderReadyForShipping(
    Guid OrderId,
    Address ShippingAddress,
    DateTimeOffset ReadyAt,
    Guid? CustomerId = null,
    int? ParcelCount = null,
    ShippingService? Service = null);
