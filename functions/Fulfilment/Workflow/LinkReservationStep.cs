using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>Step 1: link the order's reservation (by reservationId or cartId) to the order.</summary>
public sealed partial class LinkReservationStep
{
    public sealed record Request(Guid OrderId, Guid? ReservationId, Guid? CartId);

    public sealed record Result(LinkOutcome Outcome, Guid? ReservationId, IReadOnlyList<LineItem> Items, string? Detail = null);

    public enum LinkOutcome
    {
        Linked,
        NotFound,
        Released,
        Expired,
        Consumed,
        LinkedToAnotherOrder,
    }
}
