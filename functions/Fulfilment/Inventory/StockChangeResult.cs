namespace Fulfilment.Inventory;

/// <summary>The outcome of a set or restock, with the stock as it is afterwards (as it is now, for AlreadyApplied).</summary>
public sealed record StockChangeResult(StockChangeOutcome Outcome, StockItem? Stock, StockOperation? Operation = null, string? Detail = null);
