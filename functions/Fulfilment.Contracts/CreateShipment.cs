namespace Fulfilment.Contracts;

/// <summary>Command (queue create-shipment, then HTTP POST /shipments on the carrier), Shipping → carrier.</summary>
public sealed record CreateShipment(
    Guid OrderId,
    Address Destination,
    string? Carrier = null,
    ShippingService? Service = null,
    int? ParcelCount = null);
