namespace Fulfilment.Workflow;

/// <summary>
/// External event names, one per kind of inbound message, defined once. They are persisted in Durable history:
/// renaming one breaks in-flight orders.
/// </summary>
public static class WorkflowEvents
{
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
