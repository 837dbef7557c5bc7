namespace Fulfilment.Inventory;

/// <summary>
/// The outcome of an operation on a reservation, with the reservation as it is afterwards (null when not found or
/// rejected before it was read). Business outcomes are values, never exceptions; only transient storage failures
/// throw.
/// </summary>
public sealed record ReservationResult(ReservationOutcome Outcome, Guid ReservationId, Reservation? Reservation, string? Detail = null)
{
    /// <summary>Applied now or before: the caller may proceed.</summary>
    public bool Succeeded => Outcome is ReservationOutcome.Applied or ReservationOutcome.AlreadyApplied;
}
