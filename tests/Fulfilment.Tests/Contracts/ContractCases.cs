using Fulfilment.Contracts;

namespace Fulfilment.Tests.Contracts;

/// <summary>Every message's contract as DESIGN.md's table states it (plus Fulfilment's extensions and added events).</summary>
public static class ContractCases
{
    private const string Reason = "$.reason";

    public static IReadOnlyDictionary<string, ContractCase> All { get; } = new[]
    {
        ContractCase.For<ReserveInventory>(MessageNames.ReserveInventory)
            .Required("$.cartId", "$.items", "$.items[1].productId", "$.items[1].quantity")
            .Uuid("$.cartId", "$.customerId", "$.orderId", "$.items[1].productId")
            .AtLeast(1, "$.items[1].quantity").NonEmpty("$.items"),
        ContractCase.For<ReleaseInventory>(MessageNames.ReleaseInventory)
            .Required("$.reservationId").Uuid("$.reservationId")
            .OneOf(Reason, "CHECKOUT_FAILED", "ORDER_CANCELLED", "EXPIRED"),
        ContractCase.For<StockLevel>(MessageNames.GetStockLevel)
            .Required("$.productId", "$.available").Uuid("$.productId").AtLeast(0, "$.available", "$.reserved"),
        ContractCase.For<InventoryReserved>(MessageNames.InventoryReserved)
            .Required("$.reservationId", "$.items", "$.items[0].productId", "$.items[0].quantity", "$.reservedAt")
            .Uuid("$.reservationId", "$.orderId", "$.cartId", "$.items[0].productId")
            .AtLeast(1, "$.items[0].quantity").NonEmpty("$.items").DateTime("$.reservedAt"),
        ContractCase.For<InventoryUnavailable>(MessageNames.InventoryUnavailable)
            .Required("$.unavailableItems", "$.unavailableItems[1].productId", "$.unavailableItems[1].requested")
            .Required("$.unavailableItems[1].available", "$.checkedAt")
            .Uuid("$.orderId", "$.cartId", "$.unavailableItems[1].productId", "$.reservationId")
            .AtLeast(1, "$.unavailableItems[1].requested").AtLeast(0, "$.unavailableItems[1].available")
            .NonEmpty("$.unavailableItems").DateTime("$.checkedAt")
            .OneOf(Reason, "RESERVATION_EXPIRED", "RESERVATION_RELEASED"),
        ContractCase.For<OrderCompleted>(MessageNames.OrderCompleted)
            .Required("$.orderId", "$.customerId", "$.completedAt")
            .Uuid("$.orderId", "$.customerId", "$.reservationId", "$.cartId").DateTime("$.completedAt")
            .Object("$.shippingAddress").Country("$.shippingAddress.country")
            .Required("$.shippingAddress.line1", "$.shippingAddress.city", "$.shippingAddress.postcode", "$.shippingAddress.country")
            .Text("$.shippingAddress.line1", "$.shippingAddress.city", "$.shippingAddress.postcode")
            .OneOf("$.service", "STANDARD", "EXPRESS", "NEXT_DAY"),
        ContractCase.For<OrderCancelled>(MessageNames.OrderCancelled)
            .Required("$.orderId", Reason, "$.cancelledAt").Uuid("$.orderId", "$.customerId").DateTime("$.cancelledAt")
            .OneOf(Reason, "CUSTOMER_REQUESTED", "PAYMENT_FAILED", "OUT_OF_STOCK", "FRAUD"),
        ContractCase.For<OrderPacked>(MessageNames.OrderPacked)
            .Required("$.orderId", "$.packedAt").Uuid("$.orderId", "$.pickingJobId")
            .AtLeast(1, "$.parcelCount").DateTime("$.packedAt"),
        ContractCase.For<OrderReadyForShipping>(MessageNames.OrderReadyForShipping)
            .Required("$.orderId", "$.shippingAddress", "$.readyAt", "$.shippingAddress.country")
            .Uuid("$.orderId", "$.customerId").AtLeast(1, "$.parcelCount").DateTime("$.readyAt")
            .Object("$.shippingAddress").Country("$.shippingAddress.country")
            .OneOf("$.service", "STANDARD", "EXPRESS", "NEXT_DAY"),
        ContractCase.For<CreateShipment>(MessageNames.CreateShipment)
            .Required("$.orderId", "$.destination", "$.destination.line1", "$.destination.city")
            .Required("$.destination.postcode", "$.destination.country")
            .Uuid("$.orderId").Text("$.carrier").AtLeast(1, "$.parcelCount")
            .Object("$.destination").Country("$.destination.country")
            .OneOf("$.service", "STANDARD", "EXPRESS", "NEXT_DAY"),
        ContractCase.For<ShipmentCreated>(MessageNames.ShipmentCreated)
            .Required("$.shipmentId", "$.orderId", "$.trackingNumber", "$.createdAt")
            .Uuid("$.shipmentId", "$.orderId").Text("$.trackingNumber", "$.carrier")
            .Date("$.estimatedDelivery").DateTime("$.createdAt"),
        ContractCase.For<ShipmentDelivered>(MessageNames.ShipmentDelivered)
            .Required("$.shipmentId", "$.orderId", "$.deliveredAt")
            .Uuid("$.shipmentId", "$.orderId").DateTime("$.deliveredAt").Text("$.signedBy"),
        ContractCase.For<ShipmentFailed>(MessageNames.ShipmentFailed)
            .Required("$.shipmentId", "$.orderId", Reason, "$.failedAt")
            .Uuid("$.shipmentId", "$.orderId").DateTime("$.failedAt")
            .OneOf(Reason, "FAILED_DELIVERY", "LOST", "DAMAGED", "RETURNED_TO_SENDER"),
        ContractCase.For<OrderShortPicked>(MessageNames.OrderShortPicked)
            .Required("$.orderId", "$.pickingJobId", "$.productId", "$.requested", "$.picked", Reason, "$.reportedAt")
            .Uuid("$.orderId", "$.pickingJobId", "$.productId").AtLeast(1, "$.requested").AtLeast(0, "$.picked")
            .Text(Reason).DateTime("$.reportedAt"),
        ContractCase.For<ShipmentRejected>(MessageNames.ShipmentRejected)
            .Required("$.orderId", "$.statusCode", Reason, "$.rejectedAt")
            .Uuid("$.orderId").AtLeast(100, "$.statusCode").Text(Reason).DateTime("$.rejectedAt"),
        ContractCase.For<FulfilmentFailed>(MessageNames.FulfilmentFailed)
            .Required("$.orderId", Reason, "$.stage", "$.failedAt")
            .Uuid("$.orderId", "$.reservationId").Text("$.stage", "$.detail").DateTime("$.failedAt")
            .OneOf(Reason, "RESERVATION_NOT_FOUND", "RESERVATION_RELEASED", "RESERVATION_EXPIRED", "SHORT_PICK",
                "PICKING_TIMEOUT", "CARRIER_REJECTED", "SHIPMENT_CREATION_TIMEOUT", "SHIPMENT_FAILED", "DELIVERY_TIMEOUT",
                "COMPENSATION_FAILED", "STEP_FAILED"),
        ContractCase.For<FulfilmentCancelled>(MessageNames.FulfilmentCancelled)
            .Required("$.orderId", Reason, "$.stage", "$.cancelledAt")
            .Uuid("$.orderId", "$.reservationId").Text("$.stage").DateTime("$.cancelledAt")
            .OneOf(Reason, "CUSTOMER_REQUESTED", "PAYMENT_FAILED", "OUT_OF_STOCK", "FRAUD"),
        ContractCase.For<OrderCancellationRefused>(MessageNames.OrderCancellationRefused)
            .Required("$.orderId", "$.stage", "$.refusedAt", Reason)
            .Uuid("$.orderId").Text("$.stage", Reason).DateTime("$.refusedAt"),
        ContractCase.For<FulfilmentReconciled>(MessageNames.FulfilmentReconciled)
            .Required("$.orderId", "$.event", "$.previousOutcome", "$.action", "$.reconciledAt")
            .Uuid("$.orderId", "$.reservationId", "$.shipmentId").DateTime("$.reconciledAt").AtLeast(0, "$.shortfall").Text("$.detail")
            .OneOf("$.event", "shipment-created", "shipment-delivered")
            .OneOf("$.previousOutcome", "FAILED", "CANCELLED", "COMPENSATION_FAILED", "ALREADY_FULFILLED")
            .OneOf("$.action", "CONSUMED", "RECLAIMED_FROM_STOCK", "NOTHING_TO_DO"),
    }.ToDictionary(c => c.Name);

    /// <summary>Every (message, fault) pair, as theory data.</summary>
    public static TheoryData<string, string> Faults() => Pairs(_ => true);

    /// <summary>The (message, fault) pairs a JSON Schema can express.</summary>
    public static TheoryData<string, string> SchemaFaults() => Pairs(f => f.SchemaCanTell);

    private static TheoryData<string, string> Pairs(Func<Fault, bool> include)
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, contract) in All)
        {
            foreach (var fault in contract.Faults.Where(include))
            {
                data.Add(name, fault.Id);
            }
        }

        return data;
    }

    public static TheoryData<string> Names() => new(All.Keys);

    public static Fault Fault(string name, string faultId) => All[name].Faults.Single(f => f.Id == faultId);
}
