namespace Fulfilment.Workflow;

/// <summary>Step 7: the parcel was delivered, the reservation's stock leaves the books.</summary>
public sealed partial class ConsumeReservationStep
{
    public sealed record Request(Guid OrderId, Guid ReservationId);

    public sealed record Result(string Detail);
}
