namespace Fulfilment.Contracts;

/// <summary>
/// Wire names of every message Fulfilment sends or receives, defined once. Service Bus queue and topic names,
/// the message <c>Subject</c>, JSON Schema file names and the Bicep all derive from these.
/// </summary>
public static class MessageNames
{
    // Published catalogue (v1.0.0)
    public const string ReserveInventory = "reserve-inventory";
    public const string ReleaseInventory = "release-inventory";
    public const string GetStockLevel = "get-stock-level";
    public const string InventoryReserved = "inventory-reserved";
    public const string InventoryUnavailable = "inventory-unavailable";
    public const string OrderCompleted = "order-completed";
    public const string OrderCancelled = "order-cancelled";
    public const string OrderPacked = "order-packed";
    public const string OrderReadyForShipping = "order-ready-for-shipping";
    public const string CreateShipment = "create-shipment";
    public const string ShipmentCreated = "shipment-created";
    public const string ShipmentDelivered = "shipment-delivered";
    public const string ShipmentFailed = "shipment-failed";

    // Added by Fulfilment (documented in the README's catalogue)
    public const string OrderShortPicked = "order-short-picked";
    public const string ShipmentRejected = "shipment-rejected";
    public const string FulfilmentFailed = "fulfilment-failed";
    public const string FulfilmentCancelled = "fulfilment-cancelled";
    public const string OrderCancellationRefused = "order-cancellation-refused";
    public const string FulfilmentReconciled = "fulfilment-reconciled";
}
