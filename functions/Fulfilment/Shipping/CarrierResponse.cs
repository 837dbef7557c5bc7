namespace Fulfilment.Shipping;

/// <summary>
/// The carrier's final answer to create-shipment: accepted (201/200, with its shipment id and, when it sends them,
/// the tracking number and estimated delivery), permanently rejected (400/422, with its reason), or refused because
/// the order's key was cancelled first (409 <c>{"status":"CANCELLED"}</c>, <see cref="IsCancelled"/>).
/// </summary>
public sealed record CarrierResponse(
    int StatusCode,
    Guid? ShipmentId,
    string? TrackingNumber,
    DateOnly? EstimatedDelivery,
    string? RejectionReason)
{
    public bool IsAccepted => ShipmentId is not null;

    /// <summary>The key was cancelled with the carrier before this create arrived: no shipment, none will be made.</summary>
    public bool IsCancelled { get; private init; }

    public static CarrierResponse Accepted(int statusCode, Guid shipmentId, string? trackingNumber, DateOnly? estimatedDelivery) =>
        new(statusCode, shipmentId, trackingNumber, estimatedDelivery, null);

    public static CarrierResponse Rejected(int statusCode, string reason) =>
        new(statusCode, null, null, null, reason);

    public static CarrierResponse Cancelled(int statusCode) =>
        new(statusCode, null, null, null, null) { IsCancelled = true };
}
