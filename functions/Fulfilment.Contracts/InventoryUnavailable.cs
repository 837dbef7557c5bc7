namespace Fulfilment.Contracts;

/// <summary>Event, Inventory → ordering: at least one line could not be reserved; stock is untouched.</summary>
public sealed record InventoryUnavailable(
    IReadOnlyList<UnavailableItem> UnavailableItems,
    DateTimeOffset CheckedAt,
    Guid? OrderId = null,
    Guid? CartId = null);
