namespace Fulfilment.Inventory;

/// <summary>
/// The audit record of one stock administration operation (SET or RESTOCK), stored under its operationId so that a
/// repeated request is applied once.
/// </summary>
public sealed record StockOperation(
    Guid OperationId,
    string Kind,
    Guid ProductId,
    int Quantity,
    int AvailableBefore,
    int AvailableAfter,
    string Reason,
    DateTimeOffset At)
{
    public const string Set = "SET";
    public const string Restock = "RESTOCK";
}
