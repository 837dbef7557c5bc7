namespace Fulfilment.Warehouse;

/// <summary>The HTTP status a picking-floor endpoint answers for each outcome (docs/warehouse.md).</summary>
public static class PickingOutcomeStatusCodes
{
    public static int StatusCode(this PickingJobOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            PickingOutcomeKind.Created => outcome.Changed ? 201 : 200,
            PickingOutcomeKind.NotFound => 404,
            PickingOutcomeKind.Conflict or PickingOutcomeKind.IllegalTransition => 409,
            PickingOutcomeKind.Invalid => 422,
            PickingOutcomeKind.Forbidden => 403,
            _ => 200,
        };
    }
}
