using Fulfilment.Inventory;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>Stock set up and read through the app's own Inventory services.</summary>
public static class Stock
{
    /// <summary>A new product with <paramref name="available"/> units on the books.</summary>
    public static async Task<Guid> ProductAsync(this FunctionAppHost app, int available)
    {
        ArgumentNullException.ThrowIfNull(app);
        var productId = Guid.NewGuid();
        await app.Get<StockAdministration>().SetAsync(productId, available, "test opening balance", Guid.NewGuid(), CancellationToken.None);
        return productId;
    }

    public static async Task<StockItem> StockOfAsync(this FunctionAppHost app, Guid productId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await app.Get<StockAdministration>().GetStockAsync(productId, CancellationToken.None)
               ?? throw new InvalidOperationException($"product {productId} has no stock");
    }

    public static async Task<(int Available, int Reserved)> LevelsOfAsync(this FunctionAppHost app, Guid productId)
    {
        var stock = await app.StockOfAsync(productId);
        return (stock.Available, stock.Reserved);
    }
}
