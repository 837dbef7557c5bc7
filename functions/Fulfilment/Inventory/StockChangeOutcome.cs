namespace Fulfilment.Inventory;

/// <summary>What a stock administration operation (set, restock) did.</summary>
public enum StockChangeOutcome
{
    /// <summary>Applied now.</summary>
    Applied,

    /// <summary>This operationId was applied before: nothing changed.</summary>
    AlreadyApplied,

    /// <summary>The request is unusable (see the detail): nothing changed.</summary>
    Rejected,
}
