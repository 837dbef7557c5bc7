namespace Fulfilment.Contracts;

/// <summary>
/// The Service Bus topology: command queues, one topic per event, and one subscription per consumer inside
/// Fulfilment. The Bicep declares exactly this set (a test compares them).
/// </summary>
public static class Topology
{
    /// <summary>Subscription names, one per consuming part of Fulfilment.</summary>
    public static class Subscriptions
    {
        /// <summary>Fulfilment's subscription on ordering's topics.</summary>
        public const string Fulfilment = "fulfilment";

        /// <summary>The order-fulfilment workflow (raises events into the orchestration).</summary>
        public const string Workflow = "workflow";

        /// <summary>The Shipping system.</summary>
        public const string Shipping = "shipping";
    }

    /// <summary>
    /// Application property of a dead-lettered message resubmitted to its topic: the one subscription that receives it
    /// again. Every subscription's default rule (infra/modules/servicebus.bicep) passes messages without it and
    /// messages naming that subscription, so a resubmission is not delivered a second time to the topic's other consumers.
    /// </summary>
    public const string ResubmitToProperty = "ResubmitTo";

    /// <summary>Commands travel on queues.</summary>
    public static IReadOnlyList<string> Queues { get; } =
    [
        MessageNames.ReserveInventory,
        MessageNames.ReleaseInventory,
        MessageNames.CreateShipment,
    ];

    /// <summary>Events travel on topics, one per message name.</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        MessageNames.InventoryReserved,
        MessageNames.InventoryUnavailable,
        MessageNames.OrderCompleted,
        MessageNames.OrderCancelled,
        MessageNames.OrderPacked,
        MessageNames.OrderShortPicked,
        MessageNames.OrderReadyForShipping,
        MessageNames.ShipmentCreated,
        MessageNames.ShipmentDelivered,
        MessageNames.ShipmentFailed,
        MessageNames.ShipmentRejected,
        MessageNames.FulfilmentFailed,
        MessageNames.FulfilmentCancelled,
        MessageNames.OrderCancellationRefused,
        MessageNames.FulfilmentReconciled,
    ];

    /// <summary>Ordering's own queues and topics: Fulfilment receives from them and never sends to them.</summary>
    public static IReadOnlyList<string> FromOrdering { get; } =
    [
        MessageNames.ReserveInventory,
        MessageNames.ReleaseInventory,
        MessageNames.OrderCompleted,
        MessageNames.OrderCancelled,
    ];

    /// <summary>The queues Fulfilment sends to: every queue but ordering's. The app's send role covers exactly these.</summary>
    public static IReadOnlyList<string> PublishedQueues { get; } = [.. Queues.Except(FromOrdering, StringComparer.Ordinal)];

    /// <summary>The topics Fulfilment publishes to: every topic but ordering's. The app's send role covers exactly these.</summary>
    public static IReadOnlyList<string> PublishedTopics { get; } = [.. Topics.Except(FromOrdering, StringComparer.Ordinal)];

    /// <summary>The subscriptions Fulfilment consumes from. Topics without one here are consumed by ordering.</summary>
    public static IReadOnlyList<TopicSubscription> TopicSubscriptions { get; } =
    [
        new(MessageNames.OrderCompleted, Subscriptions.Fulfilment),
        new(MessageNames.OrderCancelled, Subscriptions.Fulfilment),
        new(MessageNames.OrderPacked, Subscriptions.Workflow),
        new(MessageNames.OrderShortPicked, Subscriptions.Workflow),
        new(MessageNames.OrderReadyForShipping, Subscriptions.Shipping),
        new(MessageNames.ShipmentCreated, Subscriptions.Workflow),
        new(MessageNames.ShipmentDelivered, Subscriptions.Workflow),
        new(MessageNames.ShipmentFailed, Subscriptions.Workflow),
        new(MessageNames.ShipmentRejected, Subscriptions.Workflow),
    ];

    /// <summary>True when the message travels on a queue (a command) rather than a topic (an event).</summary>
    public static bool IsQueue(string messageName) => Queues.Contains(messageName);
}

/// <summary>One subscription on one topic.</summary>
public sealed record TopicSubscription(string Topic, string Subscription);
