namespace Fulfilment.Shipping;

/// <summary>What a create-shipment command did; the adapter completes the message in every case.</summary>
public enum CreateShipmentOutcome
{
    /// <summary>The carrier accepted it: the shipment is CREATED with the carrier's shipment id.</summary>
    Created,

    /// <summary>The carrier refused it for good (400/422): REJECTED, and shipment-rejected is published.</summary>
    Rejected,

    /// <summary>The shipment was past SENDING already: no carrier call (a redelivery, or a callback got there first).</summary>
    AlreadyHandled,

    /// <summary>
    /// The shipment is CANCELLED: cancelled before the send (no carrier call), or the carrier answered 409 CANCELLED
    /// (its key was cancelled first), or it cancelled the shipment while the answer was on its way. Nothing published.
    /// </summary>
    Cancelled,
}
