using System.Text.Json.Serialization;

namespace Fulfilment.Shipping;

/// <summary>
/// Where a shipment is: REQUESTED (create-shipment sent) → CREATED (the carrier has it) → DELIVERED or FAILED, or
/// REJECTED when the carrier refused create-shipment (400/422). DELIVERED, FAILED and REJECTED are terminal.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShipmentStatus>))]
public enum ShipmentStatus
{
    [JsonStringEnumMemberName("REQUESTED")] Requested,
    [JsonStringEnumMemberName("CREATED")] Created,
    [JsonStringEnumMemberName("DELIVERED")] Delivered,
    [JsonStringEnumMemberName("FAILED")] Failed,
    [JsonStringEnumMemberName("REJECTED")] Rejected,
}
