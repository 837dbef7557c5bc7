namespace Fulfilment.Contracts;

/// <summary>Command (queue release-inventory), ordering or Fulfilment → Inventory: release a held reservation.</summary>
public sealed record ReleaseInventory(Guid ReservationId, ReleaseReason? Reason = null);
