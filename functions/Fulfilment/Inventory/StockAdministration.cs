using Microsoft.Extensions.Logging;

namespace Fulfilment.Inventory;

/// <summary>
/// Stock administration for operations (PUT /api/stock/{productId}) and the invariant checks: set (an audited
/// correction after a count: it clears the count flag), restock (adds units), read one product's full record, list
/// every product. Set and restock are idempotent per operationId: the audit row <c>operation_{operationId}</c> is
/// inserted in the same transaction as the stock change, so a repeated request is applied once (<see cref="StockCommand"/>).
/// A set or restock that would put more than <see cref="StockItem.MaxUnits"/> on a product's books is rejected with
/// a reason naming the limit, and nothing is written.
/// Reads (get, list) always read storage.
/// </summary>
public sealed partial class StockAdministration(InventoryTable table, TimeProvider time, ILogger<StockAdministration> logger)
{
    /// <summary>
    /// Sets the available units of a product (creating it with that opening balance if unknown). On an existing
    /// product, units found count as restocked and units missing as written off, so the totals stay balanced.
    /// </summary>
    public Task<StockChangeResult> SetAsync(Guid productId, int available, string reason, Guid operationId, CancellationToken cancellationToken) =>
        available < 0 ? Rejected("available must be 0 or more")
        : string.IsNullOrWhiteSpace(reason) || reason.Length > 200 ? Rejected("a set needs a reason of 1-200 characters (it is audited)")
        : ApplyAsync(StockOperation.Set, productId, available, reason, operationId, stock => stock.RefuseCorrecting(available), stock => stock.CorrectAvailable(available), cancellationToken);

    /// <summary>Adds <paramref name="quantity"/> units (a product not yet known starts at 0).</summary>
    public Task<StockChangeResult> RestockAsync(Guid productId, int quantity, Guid operationId, CancellationToken cancellationToken) =>
        quantity < 1 ? Rejected("quantity must be at least 1")
        : ApplyAsync(StockOperation.Restock, productId, quantity, "restock", operationId, stock => stock.RefuseAdding(quantity), stock => stock.Restock(quantity), cancellationToken);

    /// <summary>One product's full record (totals, count flag), or null if unknown.</summary>
    public async Task<StockItem?> GetStockAsync(Guid productId, CancellationToken cancellationToken) =>
        (await table.FindStockAsync(productId, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>Every product with all its totals (for invariant checks and the sandbox's report).</summary>
    public Task<IReadOnlyList<StockItem>> ListStockAsync(CancellationToken cancellationToken) => table.ListStockAsync(cancellationToken);

    private async Task<StockChangeResult> ApplyAsync(
        string kind,
        Guid productId,
        int quantity,
        string reason,
        Guid operationId,
        Func<StockItem, string?> refuse,
        Action<StockItem> change,
        CancellationToken cancellationToken)
    {
        var command = new StockCommand(kind, productId, quantity, reason, operationId, refuse, change, time);
        var result = await table.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        if (result is { Outcome: StockChangeOutcome.Applied, Operation: { } operation })
        {
            LogApplied(kind, productId, operation.AvailableBefore, operation.AvailableAfter, reason);
        }

        return result;
    }

    private static Task<StockChangeResult> Rejected(string detail) =>
        Task.FromResult(new StockChangeResult(StockChangeOutcome.Rejected, null, Detail: detail));

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock {Kind} of {ProductId}: available {Before} -> {After} ({Reason})")]
    private partial void LogApplied(string kind, Guid productId, int before, int after, string reason);
}
