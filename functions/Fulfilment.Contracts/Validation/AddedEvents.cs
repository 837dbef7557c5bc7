namespace Fulfilment.Contracts.Validation;

/// <summary>The rules of the events Fulfilment adds to the catalogue (not in the published schemas).</summary>
internal static class AddedEvents
{
    public static Dictionary<Type, Shape> ByType { get; } = new()
    {
        [typeof(OrderShortPicked)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("pickingJobId").Required().Uuid(),
            Field.Named("productId").Required().Uuid(),
            Field.Named("requested").Required().Integer(minimum: 1),
            Field.Named("picked").Required().Integer(minimum: 0),
            Field.Named("reason").Required().Text(),
            Field.Named("reportedAt").Required().DateTime()),
        [typeof(ShipmentRejected)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("statusCode").Required().Integer(minimum: 100),
            Field.Named("reason").Required().Text(),
            Field.Named("rejectedAt").Required().DateTime()),
        [typeof(FulfilmentFailed)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("reason").Required().OneOf<FulfilmentFailureReason>(),
            Field.Named("stage").Required().Text(),
            Field.Named("failedAt").Required().DateTime(),
            Field.Named("reservationId").Uuid(),
            Field.Named("detail").Text()),
        [typeof(FulfilmentCancelled)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("reason").Required().OneOf<CancellationReason>(),
            Field.Named("stage").Required().Text(),
            Field.Named("cancelledAt").Required().DateTime(),
            Field.Named("reservationId").Uuid()),
        [typeof(OrderCancellationRefused)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("stage").Required().Text(),
            Field.Named("refusedAt").Required().DateTime(),
            Field.Named("reason").Required().Text()),
        [typeof(FulfilmentReconciled)] = Shape.Of(
            Field.Named("orderId").Required().Uuid(),
            Field.Named("event").Required().OneOf<CarrierEventName>(),
            Field.Named("previousOutcome").Required().OneOf<PreviousOutcome>(),
            Field.Named("action").Required().OneOf<ReconciliationAction>(),
            Field.Named("reconciledAt").Required().DateTime(),
            Field.Named("reservationId").Uuid(),
            Field.Named("shipmentId").Uuid(),
            Field.Named("shortfall").Integer(minimum: 0),
            Field.Named("detail").Text()),
    };
}
