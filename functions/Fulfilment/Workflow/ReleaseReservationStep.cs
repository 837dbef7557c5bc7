namespace Fulfilment.Workflow;

/// <summary>
/// Compensation of step 1: give the reservation's stock back as <see cref="ReleaseMode"/> says, with the reason.
/// Only a reservation HELD for this order is touched; anything else is reported, not changed.
/// </summary>
public sealed partial class ReleaseReservationStep
{
    public sealed record Request(
        Guid OrderId,
        Guid? ReservationId,
        ReleaseMode Mode,
        string Reason,
        Guid? ShortPickedProductId = null,
        int MissingUnits = 0);

    public sealed record Result(string Detail);
}
