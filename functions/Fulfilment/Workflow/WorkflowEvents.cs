namespace Fulfilment.Workflow;

/// <summary>
/// What the workflow hears from outside. Every inbound message reaches an instance on one Durable event,
/// <see cref="Channel"/>, as a <see cref="WorkflowEvent"/> whose <see cref="WorkflowEvent.Name"/> is one of the kinds
/// below: one waiter at a time, never cancelled, so events are taken in the order they arrived and none is lost to
/// an abandoned waiter (see docs/workflow.md, "Events"). The names are persisted in Durable history: renaming one
/// breaks in-flight orders.
/// </summary>
public static class WorkflowEvents
{
    /// <summary>The one external event name an instance waits on.</summary>
    public const string Channel = "FulfilmentEvent";

    public const string OrderPacked = nameof(OrderPacked);
    public const string OrderShortPicked = nameof(OrderShortPicked);
    public const string OrderCancelled = nameof(OrderCancelled);

    /// <summary>release-inventory for the reservation the workflow holds: a cancellation.</summary>
    public const string ReleaseRequested = nameof(ReleaseRequested);
    public const string ShipmentCreated = nameof(ShipmentCreated);
    public const string ShipmentRejected = nameof(ShipmentRejected);
    public const string ShipmentFailed = nameof(ShipmentFailed);
    public const string ShipmentDelivered = nameof(ShipmentDelivered);
}
