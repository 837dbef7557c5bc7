using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>
/// The workflow's input, built from a valid order-completed by <see cref="WorkflowRouter"/>: the order, its
/// reservation reference (the reservationId, or the cartId it was made for) and where and how to ship it.
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
