namespace Fulfilment.Contracts;

/// <summary>Response of the get-stock-level query (HTTP GET /api/stock/{productId}).</summary>
public sealed record StockLevel(Guid ProductId, int Available, int Reserved);
