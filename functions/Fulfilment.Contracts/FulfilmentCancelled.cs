namespace Fulfilment.Contracts;

/// <summary>
/// Fulfilment event → ordering: an order-cancelled was honoured; the picking job is cancelled and the
/// reservation released.
/// </summary>
public sealed record FulfilmentCancelled(
    Guid OrderId,
    CancellationReason Reason,
    string Stage,
    DateTimeOffset CancelledAt,
    Guid? ReservationId = null);
