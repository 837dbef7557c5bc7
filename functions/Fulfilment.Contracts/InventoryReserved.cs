namespace Fulfilment.Contracts;

/// <summary>Event, Inventory → ordering: every line of the cart is reserved.</summary>
public sealed record InventoryReserved(
    Guid ReservationId,
    IReadOnlyList<LineItem> Items,
    DateTimeOffset ReservedAt,
    Guid? OrderId = null,
    Guid? CartId = null);
