using Fulfilment.Contracts;

namespace Fulfilment.Catalog;

/// <summary>
/// Who sends and who receives each message: the one fact the catalogue needs that <see cref="Topology"/> does not
/// hold (it names queues, topics and Fulfilment's subscriptions, not their owners). Every wire name and every
/// subscription must have an answer here; the catalogue tests check that nothing is left out.
/// </summary>
public static class Participants
{
    public static readonly Participant Inventory = new(
        "inventory", "Inventory",
        "Stock levels and reservations (HELD → CONSUMED or RELEASED). Reserves a cart's stock at checkout, all lines or none, and never oversells; serves the stock level of a product.",
        IsExternal: false);

    public static readonly Participant Warehouse = new(
        "warehouse", "Warehouse",
        "Picking jobs (CREATED → PICKING → PACKED, or CANCELLED) and the picking floor's HTTP actions: start, pack, report a short pick.",
        IsExternal: false);

    public static readonly Participant Shipping = new(
        "shipping", "Shipping",
        "Shipments and the carrier hand-off: turns order-ready-for-shipping into create-shipment, calls the carrier's API with an idempotency key, and republishes the carrier's signed callbacks.",
        IsExternal: false);

    public static readonly Participant Workflow = new(
        "workflow", "Order workflow",
        "One Durable Functions orchestration per order: links the reservation, waits for packing and the carrier, compensates in reverse on failure or cancellation, and tells ordering the outcome.",
        IsExternal: false);

    public static readonly Participant Ordering = new(
        "ordering", "Ordering",
        "Outside Fulfilment: decides that an order exists. Reserves and releases stock, announces completed and cancelled orders, and listens to Fulfilment's outcomes on its own subscriptions.",
        IsExternal: true);

    public static readonly Participant Carrier = new(
        "carrier", "Carrier",
        "Outside Fulfilment: creates shipments through its HTTP API (POST /shipments) and reports them back through signed callbacks (POST /api/carrier/events). See docs/carrier-integration.md.",
        IsExternal: true);

    /// <summary>Fulfilment's services first, then the systems outside it.</summary>
    public static IReadOnlyList<Participant> All { get; } = [Inventory, Warehouse, Shipping, Workflow, Ordering, Carrier];

    /// <summary>Who publishes a message on its queue or topic (get-stock-level: who asks).</summary>
    /// <exception cref="ArgumentException">A wire name with no producer here.</exception>
    public static Participant ProducerOf(string messageName) => messageName switch
    {
        MessageNames.ReserveInventory or MessageNames.ReleaseInventory or MessageNames.GetStockLevel => Ordering,
        MessageNames.OrderCompleted or MessageNames.OrderCancelled => Ordering,
        MessageNames.InventoryReserved or MessageNames.InventoryUnavailable => Inventory,
        MessageNames.OrderPacked or MessageNames.OrderShortPicked => Warehouse,
        MessageNames.OrderReadyForShipping or MessageNames.FulfilmentFailed or MessageNames.FulfilmentCancelled
            or MessageNames.OrderCancellationRefused or MessageNames.FulfilmentReconciled => Workflow,
        MessageNames.CreateShipment or MessageNames.ShipmentRejected => Shipping,
        // The carrier's callbacks, which Shipping checks, records and republishes on the topic.
        MessageNames.ShipmentCreated or MessageNames.ShipmentDelivered or MessageNames.ShipmentFailed => Shipping,
        _ => throw new ArgumentException($"'{messageName}' has no producer in the catalogue.", nameof(messageName)),
    };

    /// <summary>Who reads a command queue (get-stock-level: who answers the query).</summary>
    /// <exception cref="ArgumentException">A queue with no consumer here.</exception>
    public static Participant ConsumerOfQueue(string queue) => queue switch
    {
        MessageNames.ReserveInventory or MessageNames.ReleaseInventory or MessageNames.GetStockLevel => Inventory,
        MessageNames.CreateShipment => Shipping,
        _ => throw new ArgumentException($"The queue '{queue}' has no consumer in the catalogue.", nameof(queue)),
    };

    /// <summary>Who reads one of Fulfilment's subscriptions (<see cref="Topology.Subscriptions"/>).</summary>
    /// <exception cref="ArgumentException">A subscription with no consumer here.</exception>
    public static Participant ConsumerOfSubscription(string subscription) => subscription switch
    {
        Topology.Subscriptions.Fulfilment or Topology.Subscriptions.Workflow => Workflow,
        Topology.Subscriptions.Shipping => Shipping,
        _ => throw new ArgumentException($"The subscription '{subscription}' has no consumer in the catalogue.", nameof(subscription)),
    };
}
