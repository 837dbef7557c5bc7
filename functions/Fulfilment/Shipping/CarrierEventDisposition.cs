namespace Fulfilment.Shipping;

/// <summary>What an authenticated, well-formed carrier callback did.</summary>
public enum CarrierEventDisposition
{
    /// <summary>The shipment changed and the matching shipment event is published.</summary>
    Applied,

    /// <summary>Accepted and recorded, but it changes nothing (e.g. anything after a terminal status).</summary>
    Ignored,

    /// <summary>The event id was processed before: no second effect (a publish left undone is finished now).</summary>
    Replayed,

    /// <summary>The order has no shipment, or the shipment id is not the order's: nothing is recorded (404).</summary>
    UnknownShipment,
}
