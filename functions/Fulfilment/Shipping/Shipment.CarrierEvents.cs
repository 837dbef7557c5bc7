using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Shipping;

/// <summary>
/// The carrier callbacks' rules. Out-of-order events are handled on purpose:
/// <list type="bullet">
/// <item>shipment-created on REQUESTED, SENDING or CREATED (the 201 answer and the callback race): CREATED, published
/// once; after a 201 that carried the tracking number (and so published it), or a first shipment-created, another
/// shipment-created is recorded and ignored.</item>
/// <item>shipment-delivered or shipment-failed before shipment-created: applied (the carrier had the parcel), the
/// event is published; no shipment-created is made up.</item>
/// <item>anything after DELIVERED, FAILED or REJECTED: recorded and ignored.</item>
/// <item>after CANCELLED: shipment-created is recorded and ignored (sent before the cancellation); shipment-delivered
/// or shipment-failed is applied and published — the carrier had the parcel after all, and the workflow must hear it
/// to reconcile the stock.</item>
/// <item>a shipment id that is not the order's: unknown shipment (404), nothing recorded.</item>
/// </list>
/// Every published event's MessageId is deterministic from its name and the orderId.
/// </summary>
public sealed partial class Shipment
{
    public CarrierEventOutcome Apply(CarrierEvent carrierEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(carrierEvent);
        if (carrierEvent.OrderId != OrderId || (ShipmentId is not null && ShipmentId != carrierEvent.ShipmentId))
        {
            return CarrierEventOutcome.UnknownShipment($"shipment {carrierEvent.ShipmentId} is not the shipment of order {carrierEvent.OrderId}");
        }

        if (IsTerminal)
        {
            return CarrierEventOutcome.Ignored($"the shipment is already {Status}; a late {carrierEvent.Type} changes nothing");
        }

        if (Status == ShipmentStatus.Cancelled && carrierEvent.Message is ShipmentCreated)
        {
            return CarrierEventOutcome.Ignored("the shipment was cancelled; a late shipment-created changes nothing");
        }

        return carrierEvent.Message switch
        {
            ShipmentCreated created => ApplyCreated(carrierEvent.EventId, created, now),
            ShipmentDelivered delivered => ApplyDelivered(delivered, now),
            ShipmentFailed failed => ApplyFailed(failed, now),
            _ => throw new ArgumentException($"Unsupported carrier message {carrierEvent.Message.GetType().Name}.", nameof(carrierEvent)),
        };
    }

    private CarrierEventOutcome ApplyCreated(string eventId, ShipmentCreated created, DateTimeOffset now)
    {
        if (CreatedEventId == AnnouncedByCarrierAnswer)
        {
            return CarrierEventOutcome.Ignored("shipment-created was already published from the carrier's answer to create-shipment");
        }

        if (CreatedEventId is not null)
        {
            return CarrierEventOutcome.Ignored($"shipment-created was already received as event {CreatedEventId}");
        }

        Status = ShipmentStatus.Created;
        ShipmentId = created.ShipmentId;
        TrackingNumber = created.TrackingNumber;
        EstimatedDelivery = created.EstimatedDelivery ?? EstimatedDelivery;
        CreatedAt = created.CreatedAt;
        CreatedEventId = eventId;
        UpdatedAt = now;
        var published = created with { Carrier = created.Carrier ?? Carrier };
        return CarrierEventOutcome.Applied("shipment created", Announce(MessageNames.ShipmentCreated, published));
    }

    private CarrierEventOutcome ApplyDelivered(ShipmentDelivered delivered, DateTimeOffset now)
    {
        Status = ShipmentStatus.Delivered;
        ShipmentId = delivered.ShipmentId;
        DeliveredAt = delivered.DeliveredAt;
        SignedBy = delivered.SignedBy;
        UpdatedAt = now;
        return CarrierEventOutcome.Applied("shipment delivered", Announce(MessageNames.ShipmentDelivered, delivered));
    }

    private CarrierEventOutcome ApplyFailed(ShipmentFailed failed, DateTimeOffset now)
    {
        Status = ShipmentStatus.Failed;
        ShipmentId = failed.ShipmentId;
        FailureReason = failed.Reason;
        FailedAt = failed.FailedAt;
        UpdatedAt = now;
        return CarrierEventOutcome.Applied("shipment failed", Announce(MessageNames.ShipmentFailed, failed));
    }

    private OutgoingMessage Announce<T>(string name, T body) =>
        OutgoingMessage.Create(name, body, OrderId.ToString(), OrderId);
}
