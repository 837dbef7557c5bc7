namespace Fulfilment.Contracts;

/// <summary>A product and a quantity (≥ 1), as in reserve-inventory and inventory-reserved.</summary>
public sealed record LineItem(Guid ProductId, int Quantity);
