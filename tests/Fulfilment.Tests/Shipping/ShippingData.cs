using Fulfilment.Contracts;

namespace Fulfilment.Tests.Shipping;

/// <summary>Builders of Shipping's messages with valid defaults.</summary>
public static class ShippingData
{
    public static readonly DateTimeOffset Now = new(2030, 1, 10, 9, 30, 0, TimeSpan.Zero);

    public static Address Address() => new("1 Quay Street", "Bristol", "BS1 4DJ", "GB");

    public static OrderReadyForShipping ReadyForShipping(Guid orderId, int? parcelCount = 2, ShippingService? service = ShippingService.Express) =>
        new(orderId, Address(), Now, CustomerId: Guid.NewGuid(), ParcelCount: parcelCount, Service: service);

    public static CreateShipment CreateShipment(Guid orderId) =>
        new(orderId, Address(), "fake-carrier", ShippingService.Express, 2);

    public static ShipmentCreated Created(Guid orderId, Guid shipmentId, string tracking = "TRK123") =>
        new(shipmentId, orderId, tracking, Now, EstimatedDelivery: new DateOnly(2030, 1, 12));

    public static ShipmentDelivered Delivered(Guid orderId, Guid shipmentId) =>
        new(shipmentId, orderId, Now.AddDays(2), "A. Customer");

    public static ShipmentFailed Failed(Guid orderId, Guid shipmentId, ShipmentFailureReason reason = ShipmentFailureReason.Lost) =>
        new(shipmentId, orderId, reason, Now.AddDays(3));
}
