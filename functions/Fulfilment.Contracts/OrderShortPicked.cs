namespace Fulfilment.Contracts;

/// <summary>
/// Fulfilment event, picking floor → workflow: a line could not be picked in full (the shelf was wrong).
/// The workflow compensates: it releases the reservation and flags the product's stock for a count.
/// </summary>
public sealed record OrderShortPicked(
    Guid OrderId,
    Guid PickingJobId,
    Guid ProductId,
    int Requested,
    int Picked,
    string Reason,
    DateTimeOffset ReportedAt);
