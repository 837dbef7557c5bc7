namespace Fulfilment.Contracts;

/// <summary>Event, ordering → Fulfilment: stop fulfilling this order (refused once the carrier has the parcel).</summary>
public sealed record OrderCancelled(
    Guid OrderId,
    CancellationReason Reason,
    DateTimeOffset CancelledAt,
    Guid? CustomerId = null);
