namespace Fulfilment.Shipping;

/// <summary>
/// The carrier's final answer to create-shipment: accepted (201/200, with its shipment id and, when it sends them,
/// the tracking number and estimated delivery) or permanently rejected (400/422, with its reason).
/// </summary>
public sealed record CarrierResponse(
    int StatusCode,
    Guid? ShipmentId,
    string? TrackingNumber,
    DateOnly? EstimatedDelivery,
    string? RejectionReason)
{
    public bool IsAccepted => ShipmentId is not null;

    public static CarrierResponse Accepted(int statusCode, Guid shipmentId, string? trackingNumber, DateOnly? estimatedDelivery) =>
        new(statusCode, shipmentId, trackingNumber, estimatedDelivery, null);

    public static CarrierResponse Rejected(int statusCode, string reason) =>
        new(statusCode, null, null, null, reason);
}
