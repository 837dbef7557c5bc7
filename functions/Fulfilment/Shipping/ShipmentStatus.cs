using System.Text.Json.Serialization;

namespace Fulfilment.Shipping;

/// <summary>
/// Where a shipment is: REQUESTED (create-shipment queued) → SENDING (the carrier may have been called) → CREATED (the
/// carrier has it) → DELIVERED or FAILED; REJECTED when the carrier refused create-shipment (400/422); CANCELLED when
/// it is certain that no parcel leaves (cancelled before the send, or by the carrier). DELIVERED, FAILED and REJECTED
/// are terminal; a CANCELLED shipment still takes the carrier's word that a parcel was delivered or failed after all.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShipmentStatus>))]
public enum ShipmentStatus
{
    [JsonStringEnumMemberName("REQUESTED")] Requested,
    [JsonStringEnumMemberName("CREATED")] Created,
    [JsonStringEnumMemberName("DELIVERED")] Delivered,
    [JsonStringEnumMemberName("FAILED")] Failed,
    [JsonStringEnumMemberName("REJECTED")] Rejected,
    [JsonStringEnumMemberName("SENDING")] Sending,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
}
