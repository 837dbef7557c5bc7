using Fulfilment.Contracts;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.BadInput;

/// <summary>
/// The workflow router's entry point (<see cref="WorkflowDispatcher"/> over the app's <see cref="DurableWorkflowHost"/>
/// on the real Durable engine): what each subscription into the workflow does with a body that breaks its contract
/// or DESIGN's rules for order-completed, and with a valid message that names an order the workflow does not have,
/// has finished, or already runs.
/// </summary>
internal static class WorkflowCases
{
    private const string Order = "22222222-2222-4222-8222-222222222222";
    private const string Customer = "33333333-3333-4333-8333-333333333333";
    private const string Cart = "5b1f6a9e-1c2d-4e3f-8a4b-5c6d7e8f9a0b";
    private const string Shipment = "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
    private const string At = "2030-01-10T09:30:00Z";
    private const string Address = """{"line1":"1 Quay Street","city":"Bristol","postcode":"BS1 4DJ","country":"GB"}""";
    private const string Contract = "dead-letter ContractViolation";
    private const string Complete = "complete";
    private const string NoFulfilment = "dead-letter " + WorkflowRoute.NoFulfilmentForOrder;

    public static IEnumerable<BadInputCase> All() =>
    [
        Routed("W-01", MessageNames.OrderCompleted, "not JSON", "order 42 please", Contract, "$: body is not JSON"),
        Routed("W-02", MessageNames.OrderCompleted, "`orderId` a number (wrong type)", $$"""{"orderId":42,"customerId":"{{Customer}}","completedAt":"{{At}}","cartId":"{{Cart}}","shippingAddress":{{Address}}}""", Contract, "$.orderId"),
        Routed("W-03", MessageNames.OrderCompleted, "`reservationId` not a UUID", $$"""{"orderId":"{{Order}}","customerId":"{{Customer}}","completedAt":"{{At}}","reservationId":"res-1","shippingAddress":{{Address}}}""", Contract, "$.reservationId"),
        Routed("W-04", MessageNames.OrderCompleted, "neither `reservationId` nor `cartId` (DESIGN gap 2)", $$"""{"orderId":"{{Order}}","customerId":"{{Customer}}","completedAt":"{{At}}","shippingAddress":{{Address}}}""", "dead-letter " + WorkflowRoute.NoReservationReference, "has neither reservationId nor cartId"),
        Routed("W-05", MessageNames.OrderCompleted, "no `shippingAddress` (DESIGN gap 2)", $$"""{"orderId":"{{Order}}","customerId":"{{Customer}}","completedAt":"{{At}}","cartId":"{{Cart}}"}""", "dead-letter " + WorkflowRoute.NoShippingAddress, "has no shippingAddress"),
        Routed("W-06", MessageNames.OrderCompleted, "`shippingAddress` a string", $$"""{"orderId":"{{Order}}","customerId":"{{Customer}}","completedAt":"{{At}}","cartId":"{{Cart}}","shippingAddress":"1 Quay Street"}""", Contract, "$.shippingAddress"),
        Routed("W-07", MessageNames.OrderCancelled, "`cancelledAt` not a date-time", $$"""{"orderId":"{{Order}}","reason":"FRAUD","cancelledAt":"soon"}""", Contract, "$.cancelledAt"),
        Routed("W-08", MessageNames.OrderPacked, "`pickingJobId` not a UUID", $$"""{"orderId":"{{Order}}","packedAt":"{{At}}","pickingJobId":"job-1","parcelCount":1}""", Contract, "$.pickingJobId"),
        Routed("W-09", MessageNames.OrderShortPicked, "no `pickingJobId`", $$"""{"orderId":"{{Order}}","productId":"{{Cart}}","requested":2,"picked":1,"reason":"EMPTY_BIN","reportedAt":"{{At}}"}""", Contract, "$.pickingJobId"),
        Routed("W-10", MessageNames.ShipmentRejected, "`statusCode` a string", $$"""{"orderId":"{{Order}}","statusCode":"422","reason":"no","rejectedAt":"{{At}}"}""", Contract, "$.statusCode"),
        Routed("W-11", MessageNames.ShipmentFailed, "unknown `reason`", $$"""{"shipmentId":"{{Shipment}}","orderId":"{{Order}}","reason":"STOLEN_BY_PIRATES","failedAt":"{{At}}"}""", Contract, "$.reason"),
        Routed("W-12", MessageNames.ReleaseInventory, "`reservationId` not a UUID", """{"reservationId":"r-1","reason":"ORDER_CANCELLED"}""", Contract, "$.reservationId"),
        Routed("W-13", MessageNames.OrderPacked, "an order the workflow does not know", $$"""{"orderId":"{{Order}}","packedAt":"{{At}}","parcelCount":1}""", NoFulfilment, "no fulfilment workflow"),
        Routed("W-14", MessageNames.ShipmentDelivered, "an order the workflow does not know", $$"""{"shipmentId":"{{Shipment}}","orderId":"{{Order}}","deliveredAt":"{{At}}"}""", NoFulfilment, "no fulfilment workflow"),
        Finished("W-15", MessageNames.OrderCompleted, "a finished order (cancelled before it started)", order =>
            ContractJson.Serialize(new OrderCompleted(order, Guid.Parse(Customer), DateTimeOffset.Parse(At), CartId: Guid.Parse(Cart), ShippingAddress: AnAddress)), Started(StartOutcome.AlreadyExists)),
        Finished("W-16", MessageNames.OrderCancelled, "a finished order, again", order =>
            ContractJson.Serialize(new OrderCancelled(order, CancellationReason.Fraud, DateTimeOffset.Parse(At))), Raised(WorkflowEvents.OrderCancelled, RaiseOutcome.InstanceFinished)),
        Finished("W-17", MessageNames.OrderPacked, "a finished order", order =>
            ContractJson.Serialize(new OrderPacked(order, DateTimeOffset.Parse(At), Guid.NewGuid(), 1)), Raised(WorkflowEvents.OrderPacked, RaiseOutcome.InstanceFinished)),
        Finished("W-18", MessageNames.ShipmentFailed, "a finished order", order =>
            ContractJson.Serialize(new ShipmentFailed(Guid.Parse(Shipment), order, ShipmentFailureReason.Lost, DateTimeOffset.Parse(At))), Raised(WorkflowEvents.ShipmentFailed, RaiseOutcome.InstanceFinished)),
        Running("W-19", MessageNames.OrderCompleted, "the same order-completed again (a duplicate) for a running order", order =>
            ContractJson.Serialize(order.Completed), Started(StartOutcome.AlreadyExists)),
        Running("W-20", MessageNames.OrderCompleted, "order-completed again with another cart for a running order", order =>
            ContractJson.Serialize(order.Completed with { CartId = Guid.NewGuid() }), Started(StartOutcome.AlreadyExists)),
        Running("W-21", MessageNames.OrderPacked, "a stray `pickingJobId` (not the order's job)", order =>
            ContractJson.Serialize(new OrderPacked(order.OrderId, DateTimeOffset.Parse(At), Guid.NewGuid(), 1)), Raised(WorkflowEvents.OrderPacked, RaiseOutcome.Delivered), CaseState.EventIgnored),
        Running("W-22", MessageNames.OrderShortPicked, "a stray `pickingJobId` (not the order's job)", order =>
            ContractJson.Serialize(new OrderShortPicked(order.OrderId, Guid.NewGuid(), Guid.NewGuid(), 2, 1, "EMPTY_BIN", DateTimeOffset.Parse(At))), Raised(WorkflowEvents.OrderShortPicked, RaiseOutcome.Delivered), CaseState.EventIgnored),
    ];

    private static Address AnAddress => new("1 Quay Street", "Bristol", "BS1 4DJ", "GB");

    /// <summary>The host call the dispatcher made, as <see cref="CatalogueWorld.DispatchAsync"/> records it.</summary>
    private static string Started(StartOutcome outcome) => $"start {FulfilmentOrchestration.Name} → {outcome}";

    private static string Raised(string eventName, RaiseOutcome outcome) => $"raise {eventName} → {outcome}";

    private static BadInputCase Routed(string id, string entryPoint, string input, string body, string response, string detail) =>
        BadInputCase.Of(id, entryPoint, input, response, detail, world => world.DispatchAsync(entryPoint, body)) with { State = CaseState.WorkflowUnchanged };

    private static BadInputCase Finished(string id, string entryPoint, string input, Func<Guid, string> body, string detail) =>
        new(id, entryPoint, input, Complete, detail, async world =>
        {
            var order = await world.FinishedOrderAsync();
            return () => world.DispatchAsync(entryPoint, body(order));
        }, CaseState.WorkflowUnchanged);

    private static BadInputCase Running(string id, string entryPoint, string input, Func<RunningOrder, string> body, string detail, CaseState state = CaseState.WorkflowUnchanged) =>
        new(id, entryPoint, input, Complete, detail, async world =>
        {
            var order = await world.RunningOrderAsync();
            return () => world.DispatchAsync(entryPoint, body(order));
        }, state);
}
