namespace Fulfilment.Contracts;

/// <summary>
/// Fulfilment event → ordering: an order-cancelled arrived after the carrier had the parcel (or after
/// delivery); nothing was compensated and fulfilment goes on.
/// </summary>
public sealed record OrderCancellationRefused(
    Guid OrderId,
    string Stage,
    DateTimeOffset RefusedAt,
    string Reason);
