namespace Fulfilment.Contracts;

/// <summary>
/// Command (queue reserve-inventory), ordering → Inventory: reserve stock for a checked-out cart.
/// <see cref="OrderId"/> is Fulfilment's extension: when present the reservation is linked to the order at once.
/// </summary>
public sealed record ReserveInventory(Guid CartId, IReadOnlyList<LineItem> Items, Guid? CustomerId = null, Guid? OrderId = null);
