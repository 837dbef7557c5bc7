using Fulfilment.Contracts;

namespace Fulfilment.Shipping;

/// <summary>
/// An authenticated, well-formed carrier callback: the carrier's event id, the wire type and the contract message
/// (<see cref="ShipmentCreated"/>, <see cref="ShipmentDelivered"/> or <see cref="ShipmentFailed"/>).
/// </summary>
public sealed record CarrierEvent(string EventId, string Type, Guid OrderId, Guid ShipmentId, object Message)
{
    public static CarrierEvent Of(string eventId, ShipmentCreated message) =>
        new(eventId, MessageNames.ShipmentCreated, message.OrderId, message.ShipmentId, message);

    public static CarrierEvent Of(string eventId, ShipmentDelivered message) =>
        new(eventId, MessageNames.ShipmentDelivered, message.OrderId, message.ShipmentId, message);

    public static CarrierEvent Of(string eventId, ShipmentFailed message) =>
        new(eventId, MessageNames.ShipmentFailed, message.OrderId, message.ShipmentId, message);
}
