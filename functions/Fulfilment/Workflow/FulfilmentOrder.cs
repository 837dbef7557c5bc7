using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>
/// The workflow's input, built from a valid order-completed by <see cref="WorkflowRouter"/>: the order, its
/// reservation reference and where and how to ship it. The router always sets <see cref="ReservationId"/> (given,
/// or derived from the cartId by <c>Reservation.IdFor</c>), so compensation can name the reservation even when the
/// link step's answer was lost; <see cref="CartId"/> is kept as the order gave it.
/// </summary>
public sealed record FulfilmentOrder(
    Guid OrderId,
    Guid CustomerId,
    Guid? ReservationId,
    Guid? CartId,
    Address ShippingAddress,
    ShippingService Service)
{
    public string InstanceId => WorkflowInstanceId.For(OrderId);
}
