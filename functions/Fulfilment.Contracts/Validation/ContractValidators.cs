namespace Fulfilment.Contracts.Validation;

/// <summary>
/// The validator of each message, declared field by field from DESIGN.md's table, the published schemas and
/// Fulfilment's documented extensions. The JSON Schemas in <c>Schemas/</c> say the same (a test proves it).
/// </summary>
public static class ContractValidators
{
    private static readonly Shape LineItem = Shape.Of(
        Field.Named("productId").Required().Uuid(),
        Field.Named("quantity").Required().Integer(minimum: 1));

    private static readonly Shape UnavailableItem = Shape.Of(
        Field.Named("productId").Required().Uuid(),
        Field.Named("requested").Required().Integer(minimum: 1),
        Field.Named("available").Required().Integer(minimum: 0));

    private static readonly Shape Address = Shape.Of(
        Field.Named("line1").Required().Text(),
        Field.Named("city").Required().Text(),
        Field.Named("postcode").Required().Text(),
        Field.Named("country").Required().Country());

    private static readonly Dictionary<Type, Shape> ByType = new()
    {
        [typeof(ReserveInventory)] = Shape.Of(
            Field.Named("cartId").Required().Uuid(),
            Field.Named("customerId").Uuid(),
            Field.Named("orderId").Uuid(),
            Field.Named("items").Required().ArrayOf(LineItem)),
        [typeof(ReleaseInventory)] = Shape.Of(
            Field.Named("reservationId").Required().Uuid(),
            Field.Named("reason").OneOf<ReleaseReason>()),
        [typeof(StockLevel)] = Shape.Of(
            Field.Named("productId").Required().Uuid(),
            Field.Named("available").Required().Integer(minimum: 0),
            Field.Named("reserved").Integer(minimum: 0)),
        [typeof(InventoryReserved)] = Shape.Of(
            Field.Named("reservationId").Required().Uuid(),
            Field.Named("orderId").Uuid(),
            Field.Named("cartId").Uuid(),
            Field.Named("items").Required().ArrayOf(LineItem),
            Field.Named("reservedAt").Required().DateTime()),
        [typeof(InventoryUnavailable)] = Shape.Of(
            Field.Named("orderId").Uuid(),
            Field.Named("cartId").Uuid(),
            Field.Named("unavailableItems").Required().ArrayOf(UnavailableItem),
            Field.Named("checkedAt").Required().DateTime(),
            Field.Named("reservationId").Uuid(),
            Field.Named("reason").OneOf<UnavailableReason>()),
        [typeof(OrderCompleted)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("customerId").Required().Uuid(),
            Field.Named("completedAt").Required().DateTime(),
            Field.Named("reservationId").Uuid(),
            Field.Named("cartId").Uuid(),
            Field.Named("shippingAddress").Object(Address),
            Field.Named("service").OneOf<ShippingService>()),
        [typeof(OrderCancelled)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("customerId").Uuid(),
            Field.Named("reason").Required().OneOf<CancellationReason>(),
            Field.Named("cancelledAt").Required().DateTime()),
        [typeof(OrderPacked)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("pickingJobId").Uuid(),
            Field.Named("parcelCount").Integer(minimum: 1),
            Field.Named("packedAt").Required().DateTime()),
        [typeof(OrderReadyForShipping)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("customerId").Uuid(),
            Field.Named("parcelCount").Integer(minimum: 1),
            Field.Named("shippingAddress").Required().Object(Address),
            Field.Named("readyAt").Required().DateTime(),
            Field.Named("service").OneOf<ShippingService>()),
        [typeof(CreateShipment)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("carrier").Text(),
            Field.Named("service").OneOf<ShippingService>(),
            Field.Named("parcelCount").Integer(minimum: 1),
            Field.Named("destination").Required().Object(Address)),
        [typeof(ShipmentCreated)] = Shape.Of(
            Field.Named("shipmentId").Required().Uuid(),
            Field.Named("orderId").Required().Uuid(),
            Field.Named("trackingNumber").Required().Text(),
            Field.Named("carrier").Text(),
            Field.Named("estimatedDelivery").Date(),
            Field.Named("createdAt").Required().DateTime()),
        [typeof(ShipmentDelivered)] = Shape.Of(
            Field.Named("shipmentId").Required().Uuid(),
            Field.Named("orderId").Required().Uuid(),
            Field.Named("deliveredAt").Required().DateTime(),
            Field.Named("signedBy").Text()),
        [typeof(ShipmentFailed)] = Shape.Of(
            Field.Named("shipmentId").Required().Uuid(),
            Field.Named("orderId").Required().Uuid(),
            Field.Named("reason").Required().OneOf<ShipmentFailureReason>(),
            Field.Named("failedAt").Required().DateTime()),
    };

    /// <summary>The validator of message record <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">T is not a message of the contracts (a defect in the caller).</exception>
    public static IContractValidator For<T>() => For(typeof(T));

    /// <inheritdoc cref="For{T}"/>
    public static IContractValidator For(Type messageType) =>
        ByType.TryGetValue(messageType, out var shape) || AddedEvents.ByType.TryGetValue(messageType, out shape)
            ? shape
            : throw new InvalidOperationException($"{messageType.Name} is not a message of the contracts: no validator.");
}
