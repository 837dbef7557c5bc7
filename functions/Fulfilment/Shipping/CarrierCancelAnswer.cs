namespace Fulfilment.Shipping;

/// <summary>The carrier's answer to <c>POST shipments/{orderId}/cancel</c> (see docs/carrier-integration.md).</summary>
public enum CarrierCancelAnswer
{
    /// <summary>200 <c>{"status":"CANCELLED"}</c>: no parcel will leave (the shipment is cancelled, or the key is blocked).</summary>
    Cancelled,

    /// <summary>409 <c>{"status":"TOO_LATE"}</c>: the carrier has the parcel.</summary>
    TooLate,
}
