using Fulfilment.Contracts;

namespace Fulfilment.Inventory;

/// <summary>get-stock-level (GET /api/stock/{productId}): available and reserved units, or null for an unknown product (404).</summary>
public sealed class GetStockLevelHandler(InventoryTable table)
{
    public async Task<StockLevel?> HandleAsync(Guid productId, CancellationToken cancellationToken)
    {
        var stock = await table.FindStockAsync(productId, cancellationToken).ConfigureAwait(false);
        return stock is null ? null : new StockLevel(productId, stock.Value.Available, stock.Value.Reserved);
    }
}
