using Fulfilment.Inventory;

namespace Fulfilment.Functions.Inventory;

/// <summary>The answer to a stock change: Applied or AlreadyApplied, the product's full record now, and the audited operation.</summary>
public sealed record StockChangeResponse(StockChangeOutcome Outcome, StockItem? Stock, StockOperation? Operation);
