using Fulfilment.Messaging;

namespace Fulfilment.Inventory;

/// <summary>The outcome of a reserve-inventory command: the cart's reservationId, the message published (if any), and a reason when refused.</summary>
public sealed record ReserveResult(ReserveStatus Status, Guid ReservationId, OutgoingMessage? Published = null, string? Reason = null)
{
    /// <summary>Settled as a business outcome (complete the message); otherwise dead-letter it with <see cref="Reason"/>.</summary>
    public bool IsBusinessOutcome => Status is ReserveStatus.Reserved or ReserveStatus.AlreadyReserved or ReserveStatus.Unavailable or ReserveStatus.AlreadySettled;
}
