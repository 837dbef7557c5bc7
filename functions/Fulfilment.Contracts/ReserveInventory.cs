namespace Fulfilment.Contracts;

/// <summary>
/// Command (queue reserve-inventory), ordering → Inventory: reserve stock for a checked-out cart.
/// <see cref="OrderId"/> is Fulfilment's extension: a hint of the order to come. It is published in inventory-reserved,
/// and only that order may later link the reservation; until order-completed links it, the reservation expires
/// after the TTL like any other.
/// </summary>
public sealed record ReserveInventory(Guid CartId, IReadOnlyList<LineItem> Items, Guid? CustomerId = null, Guid? OrderId = null);
