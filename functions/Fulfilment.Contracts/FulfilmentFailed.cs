using System.Text.Json.Serialization;

namespace Fulfilment.Contracts;

/// <summary>
/// Fulfilment event → ordering: the order will not be delivered. Published after compensation (reservation
/// released or written off, picking job cancelled). <see cref="Detail"/> carries e.g. the carrier's reason.
/// </summary>
public sealed record FulfilmentFailed(
    Guid OrderId,
    FulfilmentFailureReason Reason,
    string Stage,
    DateTimeOffset FailedAt,
    Guid? ReservationId = null,
    string? Detail = null);

/// <summary>Why fulfilment failed (fulfilment-failed.reason).</summary>
public enum FulfilmentFailureReason
{
    [JsonStringEnumMemberName("RESERVATION_NOT_FOUND")] ReservationNotFound,
    [JsonStringEnumMemberName("RESERVATION_RELEASED")] ReservationReleased,
    [JsonStringEnumMemberName("RESERVATION_EXPIRED")] ReservationExpired,
    [JsonStringEnumMemberName("SHORT_PICK")] ShortPick,
    [JsonStringEnumMemberName("PICKING_TIMEOUT")] PickingTimeout,
    [JsonStringEnumMemberName("CARRIER_REJECTED")] CarrierRejected,
    [JsonStringEnumMemberName("SHIPMENT_CREATION_TIMEOUT")] ShipmentCreationTimeout,
    [JsonStringEnumMemberName("SHIPMENT_FAILED")] ShipmentFailed,
    [JsonStringEnumMemberName("DELIVERY_TIMEOUT")] DeliveryTimeout,
    [JsonStringEnumMemberName("COMPENSATION_FAILED")] CompensationFailed,

    /// <summary>A forward step (link, create the picking job, publish, …) failed on every retry; compensated.</summary>
    [JsonStringEnumMemberName("STEP_FAILED")] StepFailed,
}
