using static Fulfilment.Inventory.InventoryEntityMapper;

namespace Fulfilment.Inventory;

/// <summary>
/// A stock administration operation (set or restock), taken in a group (<see cref="InventoryGroupCommit"/>): the
/// product's stock row changed (or opened) and the audit row <c>operation_{operationId}</c> inserted in the same
/// transaction, so a repeated operationId is applied once — the audit row is not read first: its insert fails (409)
/// when it exists, and then it is read and answered AlreadyApplied (or Rejected when it was another operation).
/// A change the stock refuses (<c>refuse</c>: it would pass <see cref="StockItem.MaxUnits"/>) is answered Rejected,
/// writing nothing — decided, like every answer that writes nothing, on freshly read rows.
/// </summary>
internal sealed class StockCommand(
    string kind, Guid productId, int quantity, string reason, Guid operationId, Func<StockItem, string?> refuse, Action<StockItem> change, TimeProvider time)
    : InventoryCommand<StockChangeResult>
{
    public override IEnumerable<string> Needs(InventoryRows rows) => [StockKey(productId)];

    public override int MaxOperations(InventoryRows rows) => 2;

    public override bool Decide(InventoryRows rows)
    {
        if (!rows.Know(StockKey(productId)))
        {
            return false;
        }

        if (rows.Operation(operationId) is { } done)
        {
            if (!rows.Trust([OperationKey(operationId), StockKey(productId)]))
            {
                return false;
            }

            var now = rows.Stock(productId);
            Decision = done.ProductId == productId && done.Kind == kind
                ? new StockChangeResult(StockChangeOutcome.AlreadyApplied, now, done)
                : new StockChangeResult(StockChangeOutcome.Rejected, now, done, $"operation {operationId} was already used for a {done.Kind} of {done.ProductId}");
            return true;
        }

        var stock = rows.Stock(productId);
        var before = stock?.Available ?? 0;
        if (stock is null)
        {
            // A product's first units, set or restocked, are its opening balance.
            stock = StockItem.Open(productId, quantity);
            rows.Add(StockKey(productId), stock);
        }
        else if (refuse(stock) is { } refusal)
        {
            // Fresh reads of both: a repeat of an operation that was applied must be answered AlreadyApplied.
            if (!rows.Trust([OperationKey(operationId), StockKey(productId)]))
            {
                return false;
            }

            Decision = new StockChangeResult(StockChangeOutcome.Rejected, ToStock(ToEntity(stock)), Detail: refusal);
            return true;
        }
        else
        {
            change(stock);
            rows.Touch(StockKey(productId));
        }

        var operation = new StockOperation(operationId, kind, productId, quantity, before, stock.Available, reason, time.GetUtcNow());
        rows.Add(OperationKey(operationId), operation);
        Decision = new StockChangeResult(StockChangeOutcome.Applied, ToStock(ToEntity(stock)), operation);
        return true;
    }
}
