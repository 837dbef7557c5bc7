using Fulfilment.Contracts;

namespace Fulfilment.Tests.Contracts;

/// <summary>Builders of valid messages: <see cref="Full"/> sets every field, <see cref="Minimal"/> only the required ones.</summary>
public static class ContractExamples
{
    public static readonly Guid OrderId = new("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly Guid CartId = new("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    public static readonly Guid CustomerId = new("16fd2706-8baf-433b-82eb-8c7fada847da");
    public static readonly Guid ReservationId = new("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    public static readonly Guid ShipmentId = new("a8098c1a-f86e-11da-bd1a-00112444be1e");
    public static readonly Guid PickingJobId = new("e902893a-9d22-3c7e-a7b8-d6e313b71d9f");
    public static readonly Guid ProductA = new("3fa85f64-5717-4562-b3fc-2c963f66afa6");
    public static readonly Guid ProductB = new("9b2f4a0e-8c3d-4e5f-a6b7-c8d9e0f1a2b3");
    public static readonly DateTimeOffset At = new(2026, 1, 31, 12, 30, 15, TimeSpan.Zero);

    public static Address Address() => new("1 High Street", "Bristol", "BS1 4DJ", "GB");

    public static IReadOnlyList<LineItem> Items() => [new(ProductA, 2), new(ProductB, 1)];

    public static IReadOnlyDictionary<string, object> Full { get; } = new Dictionary<string, object>
    {
        [MessageNames.ReserveInventory] = new ReserveInventory(CartId, Items(), CustomerId, OrderId),
        [MessageNames.ReleaseInventory] = new ReleaseInventory(ReservationId, ReleaseReason.OrderCancelled),
        [MessageNames.GetStockLevel] = new StockLevel(ProductA, 7, 3),
        [MessageNames.InventoryReserved] = new InventoryReserved(ReservationId, Items(), At, OrderId, CartId),
        [MessageNames.InventoryUnavailable] = new InventoryUnavailable([new(ProductA, 5, 2), new(ProductB, 1, 0)], At, OrderId, CartId, ReservationId, UnavailableReason.ReservationExpired),
        [MessageNames.OrderCompleted] = new OrderCompleted(OrderId, CustomerId, At, ReservationId, CartId, Address(), ShippingService.NextDay),
        [MessageNames.OrderCancelled] = new OrderCancelled(OrderId, CancellationReason.CustomerRequested, At, CustomerId),
        [MessageNames.OrderPacked] = new OrderPacked(OrderId, At, PickingJobId, 2),
        [MessageNames.OrderReadyForShipping] = new OrderReadyForShipping(OrderId, Address(), At, CustomerId, 2, ShippingService.Express),
        [MessageNames.CreateShipment] = new CreateShipment(OrderId, Address(), "DPD", ShippingService.Standard, 2),
        [MessageNames.ShipmentCreated] = new ShipmentCreated(ShipmentId, OrderId, "TRK-123", At, "DPD", new DateOnly(2026, 2, 3)),
        [MessageNames.ShipmentDelivered] = new ShipmentDelivered(ShipmentId, OrderId, At, "J. Smith"),
        [MessageNames.ShipmentFailed] = new ShipmentFailed(ShipmentId, OrderId, ShipmentFailureReason.ReturnedToSender, At),
        [MessageNames.OrderShortPicked] = new OrderShortPicked(OrderId, PickingJobId, ProductA, 2, 1, "shelf empty", At),
        [MessageNames.ShipmentRejected] = new ShipmentRejected(OrderId, 422, "postcode not served", At),
        [MessageNames.FulfilmentFailed] = new FulfilmentFailed(OrderId, FulfilmentFailureReason.ShipmentFailed, "Delivering", At, ReservationId, "LOST"),
        [MessageNames.FulfilmentCancelled] = new FulfilmentCancelled(OrderId, CancellationReason.Fraud, "Picking", At, ReservationId),
        [MessageNames.OrderCancellationRefused] = new OrderCancellationRefused(OrderId, "Shipped", At, "the carrier has the parcel"),
        [MessageNames.FulfilmentReconciled] = new FulfilmentReconciled(
            OrderId, CarrierEventName.ShipmentDelivered, PreviousOutcome.Cancelled, ReconciliationAction.ReclaimedFromStock, At, ReservationId, ShipmentId, 1,
            "the units had been put back on sale: 1 had been sold again"),
    };

    public static IReadOnlyDictionary<string, object> Minimal { get; } = new Dictionary<string, object>
    {
        [MessageNames.ReserveInventory] = new ReserveInventory(CartId, [new(ProductA, 1)]),
        [MessageNames.ReleaseInventory] = new ReleaseInventory(ReservationId),
        [MessageNames.GetStockLevel] = new StockLevel(ProductA, 0, 0),
        [MessageNames.InventoryReserved] = new InventoryReserved(ReservationId, [new(ProductA, 1)], At),
        [MessageNames.InventoryUnavailable] = new InventoryUnavailable([new(ProductA, 1, 0)], At),
        [MessageNames.OrderCompleted] = new OrderCompleted(OrderId, CustomerId, At),
        [MessageNames.OrderCancelled] = new OrderCancelled(OrderId, CancellationReason.PaymentFailed, At),
        [MessageNames.OrderPacked] = new OrderPacked(OrderId, At),
        [MessageNames.OrderReadyForShipping] = new OrderReadyForShipping(OrderId, Address(), At),
        [MessageNames.CreateShipment] = new CreateShipment(OrderId, Address()),
        [MessageNames.ShipmentCreated] = new ShipmentCreated(ShipmentId, OrderId, "TRK-123", At),
        [MessageNames.ShipmentDelivered] = new ShipmentDelivered(ShipmentId, OrderId, At),
        [MessageNames.ShipmentFailed] = new ShipmentFailed(ShipmentId, OrderId, ShipmentFailureReason.Lost, At),
        [MessageNames.OrderShortPicked] = new OrderShortPicked(OrderId, PickingJobId, ProductA, 1, 0, "not found", At),
        [MessageNames.ShipmentRejected] = new ShipmentRejected(OrderId, 400, "bad request", At),
        [MessageNames.FulfilmentFailed] = new FulfilmentFailed(OrderId, FulfilmentFailureReason.PickingTimeout, "Picking", At),
        [MessageNames.FulfilmentCancelled] = new FulfilmentCancelled(OrderId, CancellationReason.OutOfStock, "Reserved", At),
        [MessageNames.OrderCancellationRefused] = new OrderCancellationRefused(OrderId, "Delivered", At, "already delivered"),
        [MessageNames.FulfilmentReconciled] = new FulfilmentReconciled(
            OrderId, CarrierEventName.ShipmentCreated, PreviousOutcome.Failed, ReconciliationAction.NothingToDo, At),
    };

    /// <summary>The JSON body of a full example, as Fulfilment would send it.</summary>
    public static string FullBody(string messageName) => Serialize(Full[messageName]);

    public static string Serialize(object message) => ContractJson.Serialize<object>(message);
}
