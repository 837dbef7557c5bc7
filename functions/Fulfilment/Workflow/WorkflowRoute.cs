using Fulfilment.Messaging;

namespace Fulfilment.Workflow;

/// <summary>
/// What an adapter does with an inbound message, as <see cref="WorkflowRouter"/> decided: start an instance,
/// raise an event into one, dead-letter the message (with a reason and description), or leave it to its own
/// context (a release-inventory for a reservation no workflow holds goes to Inventory).
/// </summary>
public sealed record WorkflowRoute(
    WorkflowRouteKind Kind,
    string? InstanceId = null,
    string? EventName = null,
    string? Payload = null,
    FulfilmentOrder? Order = null,
    string? Reason = null,
    string? Description = null)
{
    /// <summary>Dead-letter reason: the body is not JSON or breaks its contract (the same reason every adapter uses).</summary>
    public const string InvalidMessage = DeadLetterReasons.ContractViolation;

    /// <summary>Dead-letter reason: an order-completed without reservationId or cartId.</summary>
    public const string NoReservationReference = nameof(NoReservationReference);

    /// <summary>Dead-letter reason: an order-completed without shippingAddress.</summary>
    public const string NoShippingAddress = nameof(NoShippingAddress);

    /// <summary>
    /// Dead-letter reason (set by <see cref="WorkflowDispatcher"/>): an event other than order-cancelled for an order
    /// that has no workflow (e.g. order-packed for an unknown order).
    /// </summary>
    public const string NoFulfilmentForOrder = nameof(NoFulfilmentForOrder);

    /// <summary>
    /// Dead-letter reason (set by <see cref="WorkflowDispatcher"/>): a shipment-created or shipment-delivered for an
    /// order whose orchestration faulted (a defect): with no outcome to go by it cannot be reconciled automatically.
    /// </summary>
    public const string FulfilmentFaulted = nameof(FulfilmentFaulted);

    /// <summary>Dead-letter reason: the router does not know the message name (an adapter defect).</summary>
    public const string NotAWorkflowMessage = nameof(NotAWorkflowMessage);

    public static WorkflowRoute Start(FulfilmentOrder order) => new(WorkflowRouteKind.Start, order.InstanceId, Order: order);

    public static WorkflowRoute Raise(Guid orderId, string eventName, string payload) =>
        new(WorkflowRouteKind.Raise, WorkflowInstanceId.For(orderId), eventName, payload);

    public static WorkflowRoute DeadLetter(string reason, string description) =>
        new(WorkflowRouteKind.DeadLetter, Reason: reason, Description: description);

    public static WorkflowRoute NotForWorkflow(string description) => new(WorkflowRouteKind.NotForWorkflow, Description: description);
}
