using Fulfilment.Contracts.Validation;

namespace Fulfilment.Functions.Inventory;

/// <summary>
/// The body of <c>PUT /api/stock/{productId}</c>: either a set (<see cref="Available"/> units, with the
/// <see cref="Reason"/> the correction is audited with) or a restock (<see cref="Restock"/> units more). The
/// <see cref="OperationId"/> makes a repeated request apply once.
/// </summary>
public sealed record StockChangeRequest(Guid OperationId, int? Available = null, int? Restock = null, string? Reason = null)
{
    /// <summary>What makes the request malformed, whatever the stock (400): a missing operation id, not exactly one of set and restock.</summary>
    public IReadOnlyList<Violation> Violations()
    {
        var violations = new List<Violation>();
        if (OperationId == Guid.Empty)
        {
            violations.Add(new Violation("$.operationId", "must not be the empty UUID"));
        }

        if (Available.HasValue == Restock.HasValue)
        {
            violations.Add(new Violation("$", "give exactly one of 'available' (set, with a reason) and 'restock' (units to add)"));
        }

        return violations;
    }
}
