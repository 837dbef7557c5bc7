using System.Text.Json;
using Azure.Data.Tables;
using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Shipping;

/// <summary>
/// Maps a <see cref="Shipment"/> to and from its row in the Shipments table (row key <see cref="RowKey"/>); the row
/// also holds the shipment's outbox (the messages its last changes queued, as JSON).
/// </summary>
internal static class ShipmentEntityMapper
{
    public const string RowKey = "shipment";

    public static string PartitionKey(Guid orderId) => orderId.ToString("D");

    public static TableEntity ToEntity(Shipment s)
    {
        var entity = new TableEntity(PartitionKey(s.OrderId), RowKey)
        {
            ["Status"] = s.Status.ToString(),
            ["Carrier"] = s.Carrier,
            ["Service"] = s.Service.ToString(),
            ["ParcelCount"] = s.ParcelCount,
            ["ShipmentId"] = s.ShipmentId,
            ["TrackingNumber"] = s.TrackingNumber,
            ["EstimatedDelivery"] = s.EstimatedDelivery?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["RequestedAt"] = s.RequestedAt,
            ["CreatedAt"] = s.CreatedAt,
            ["DeliveredAt"] = s.DeliveredAt,
            ["SignedBy"] = s.SignedBy,
            ["FailedAt"] = s.FailedAt,
            ["FailureReason"] = s.FailureReason?.ToString(),
            ["RejectedAt"] = s.RejectedAt,
            ["RejectionReason"] = s.RejectionReason,
            ["RejectionStatusCode"] = s.RejectionStatusCode,
            ["CreatedEventId"] = s.CreatedEventId,
            ["SendingAt"] = s.SendingAt,
            ["CancelledAt"] = s.CancelledAt,
            ["CancellationReason"] = s.CancellationReason,
            ["CancellationRefusedAt"] = s.CancellationRefusedAt,
            ["UpdatedAt"] = s.UpdatedAt,
            ["Outbox"] = s.Outbox.Count == 0 ? null : JsonSerializer.Serialize(s.Outbox),
        };
        if (s.Version is not null)
        {
            entity.ETag = new Azure.ETag(s.Version);
        }

        return entity;
    }

    public static Shipment FromEntity(TableEntity e) =>
        Shipment.Restore(new ShipmentSnapshot(
            OrderId: Guid.Parse(e.PartitionKey),
            Status: Enum.Parse<ShipmentStatus>(e.GetString("Status")),
            Carrier: e.GetString("Carrier"),
            Service: Enum.Parse<ShippingService>(e.GetString("Service")),
            ParcelCount: e.GetInt32("ParcelCount") ?? 1,
            ShipmentId: e.GetGuid("ShipmentId"),
            TrackingNumber: e.GetString("TrackingNumber"),
            EstimatedDelivery: e.GetString("EstimatedDelivery") is { } date ? DateOnly.ParseExact(date, "O", System.Globalization.CultureInfo.InvariantCulture) : null,
            RequestedAt: e.GetDateTimeOffset("RequestedAt") ?? default,
            CreatedAt: e.GetDateTimeOffset("CreatedAt"),
            DeliveredAt: e.GetDateTimeOffset("DeliveredAt"),
            SignedBy: e.GetString("SignedBy"),
            FailedAt: e.GetDateTimeOffset("FailedAt"),
            FailureReason: e.GetString("FailureReason") is { } reason ? Enum.Parse<ShipmentFailureReason>(reason) : null,
            RejectedAt: e.GetDateTimeOffset("RejectedAt"),
            RejectionReason: e.GetString("RejectionReason"),
            RejectionStatusCode: e.GetInt32("RejectionStatusCode"),
            CreatedEventId: e.GetString("CreatedEventId"),
            SendingAt: e.GetDateTimeOffset("SendingAt"),
            CancelledAt: e.GetDateTimeOffset("CancelledAt"),
            CancellationReason: e.GetString("CancellationReason"),
            CancellationRefusedAt: e.GetDateTimeOffset("CancellationRefusedAt"),
            UpdatedAt: e.GetDateTimeOffset("UpdatedAt") ?? default,
            Version: e.ETag.ToString(),
            Outbox: e.GetString("Outbox") is { } outbox ? JsonSerializer.Deserialize<OutgoingMessage[]>(outbox) ?? [] : []));
}

/// <summary>A shipment's stored fields, as read back from its row.</summary>
internal sealed record ShipmentSnapshot(
    Guid OrderId,
    ShipmentStatus Status,
    string Carrier,
    ShippingService Service,
    int ParcelCount,
    Guid? ShipmentId,
    string? TrackingNumber,
    DateOnly? EstimatedDelivery,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? DeliveredAt,
    string? SignedBy,
    DateTimeOffset? FailedAt,
    ShipmentFailureReason? FailureReason,
    DateTimeOffset? RejectedAt,
    string? RejectionReason,
    int? RejectionStatusCode,
    string? CreatedEventId,
    DateTimeOffset? SendingAt,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    DateTimeOffset? CancellationRefusedAt,
    DateTimeOffset UpdatedAt,
    string? Version,
    IReadOnlyList<OutgoingMessage> Outbox);
