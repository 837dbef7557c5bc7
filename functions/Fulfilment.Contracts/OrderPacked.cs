namespace Fulfilment.Contracts;

/// <summary>Event, picking floor → Warehouse/workflow: the order is picked and packed.</summary>
public sealed record OrderPacked(
    Guid OrderId,
    DateTimeOffset PackedAt,
    Guid? PickingJobId = null,
    int? ParcelCount = null);
