using System.Text;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Shipping;

namespace Fulfilment.Tests.BadInput;

/// <summary>
/// Inbound messages: each through its contract parser and, past it, its handler and settlement. Messages the
/// workflow router consumes are checked here at the contract only; the router itself has its own rows (WorkflowCases).
/// </summary>
internal static class MessageCases
{
    private const string Cart = "5b1f6a9e-1c2d-4e3f-8a4b-5c6d7e8f9a0b";
    private const string Product = "7d0c3f4e-0a55-4d7e-9a63-0c7f3d1b2a11";
    private const string Order = "22222222-2222-4222-8222-222222222222";
    private const string Shipment = "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
    private const string At = "2030-01-10T09:30:00Z";
    private const string Address = """{"line1":"1 Quay Street","city":"Bristol","postcode":"BS1 4DJ","country":"GB"}""";
    private const string Contract = "dead-letter ContractViolation";
    private const string Unprocessable = "dead-letter Unprocessable";

    public static IEnumerable<BadInputCase> All() =>
    [
        Reserve("M-01", "not JSON", "cart please", "$: body is not JSON"),
        Reserve("M-02", "a JSON array, not an object", $$"""[{"cartId":"{{Cart}}"}]""", "$: body is not a JSON object"),
        Reserve("M-03", "JSON `null`", "null", "$: body is not a JSON object"),
        Reserve("M-04", "no `cartId`", $$"""{"items":[{"productId":"{{Product}}","quantity":1}]}""", "$.cartId"),
        Reserve("M-05", "`cartId` not a UUID", $$"""{"cartId":"cart-7","items":[{"productId":"{{Product}}","quantity":1}]}""", "$.cartId"),
        Reserve("M-06", "`cartId` a number (wrong type)", $$"""{"cartId":42,"items":[{"productId":"{{Product}}","quantity":1}]}""", "$.cartId"),
        Reserve("M-07", "no `items`", $$"""{"cartId":"{{Cart}}"}""", "$.items"),
        Reserve("M-08", "`items` an object, not an array", $$$"""{"cartId":"{{{Cart}}}","items":{"productId":"{{{Product}}}"}}""", "$.items"),
        Reserve("M-09", "quantity 0", Line("0"), "$.items[0].quantity"),
        Reserve("M-10", "quantity negative", Line("-3"), "$.items[0].quantity"),
        Reserve("M-11", "quantity beyond a 32-bit integer", Line("99999999999"), "$.items[0].quantity"),
        Reserve("M-12", "quantity a string", Line("\"2\""), "$.items[0].quantity"),
        Reserve("M-13", "quantity a fraction", Line("1.5"), "$.items[0].quantity"),
        Reserve("M-14", "`productId` not a UUID", $$"""{"cartId":"{{Cart}}","items":[{"productId":"sku-1","quantity":1}]}""", "$.items[0].productId"),
        Reserve("M-15", "`customerId` not a UUID", $$"""{"cartId":"{{Cart}}","customerId":"bob","items":[{"productId":"{{Product}}","quantity":1}]}""", "$.customerId"),
        Reserve("M-16", "nesting 10,000 deep in an extra field", $$"""{"cartId":"{{Cart}}","items":[],"extra":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""", "$: body is not JSON"),
        Reserve("M-17", "duplicate lines of one product whose merged quantity overflows", $$"""{"cartId":"{{Cart}}","items":[{"productId":"{{Product}}","quantity":2147483647},{"productId":"{{Product}}","quantity":1}]}""", "Invalid: quantity of " + Product + " is too large", Unprocessable),
        Reserve("M-18", "3,000 distinct products (more than one transaction holds)", ThousandsOfLines(), "TooManyLines", Unprocessable),
        Reserve("M-19", "`items` empty", $$"""{"cartId":"{{Cart}}","items":[]}""", "$.items"),
        new("M-20", "reserve-inventory", "a product nobody stocks", "complete", "Unavailable", world => Task.FromResult<Func<Task<Answer>>>(() => ReserveAsync(world,
            $$"""{"cartId":"{{Guid.NewGuid()}}","items":[{"productId":"{{Guid.NewGuid()}}","quantity":1}]}""")), Publishes: MessageNames.InventoryUnavailable),
        new("M-21", "reserve-inventory", "the same cart again with other lines", Unprocessable, "CartAlreadyReserved", async world =>
        {
            var first = await world.ReservedCartAsync(await world.ProductAsync(10));
            var other = first with { Items = [new LineItem(first.Items[0].ProductId, 5)] };
            return () => ReserveAsync(world, ContractJson.Serialize(other));
        }),
        Release("M-22", "no `reservationId`", """{"reason":"ORDER_CANCELLED"}""", "$.reservationId"),
        Release("M-23", "`reservationId` not a UUID", """{"reservationId":"r-1"}""", "$.reservationId"),
        Release("M-24", "unknown `reason`", $$"""{"reservationId":"{{Cart}}","reason":"LOST_INTEREST"}""", "$.reason"),
        Release("M-25", "`reason` a number", $$"""{"reservationId":"{{Cart}}","reason":3}""", "$.reason"),
        new("M-26", "release-inventory", "an unknown reservation", "complete", nameof(ReservationOutcome.NotFound), world =>
            Task.FromResult<Func<Task<Answer>>>(() => ReleaseAsync(world, $$"""{"reservationId":"{{Guid.NewGuid()}}","reason":"CHECKOUT_FAILED"}"""))),
        new("M-27", "release-inventory", "a reservation already released (a finished cart)", "complete", nameof(ReservationOutcome.AlreadyApplied), async world =>
        {
            var reserved = await world.ReservedCartAsync(await world.ProductAsync(10));
            var release = $$"""{"reservationId":"{{Reservation.IdFor(reserved.CartId)}}","reason":"CHECKOUT_FAILED"}""";
            Assert.Equal("complete", (await ReleaseAsync(world, release)).Response);
            return () => ReleaseAsync(world, release);
        }),
        Workflow<OrderCompleted>("M-28", "order-completed", "no `orderId`", $$"""{"customerId":"{{Cart}}","completedAt":"{{At}}"}""", "$.orderId"),
        Workflow<OrderCompleted>("M-29", "order-completed", "`completedAt` not a date-time", $$"""{"orderId":"{{Order}}","customerId":"{{Cart}}","completedAt":"yesterday"}""", "$.completedAt"),
        Workflow<OrderCompleted>("M-30", "order-completed", "`shippingAddress.country` not two capital letters", $$$"""{"orderId":"{{{Order}}}","customerId":"{{{Cart}}}","completedAt":"{{{At}}}","shippingAddress":{"line1":"1 Quay Street","city":"Bristol","postcode":"BS1 4DJ","country":"gbr"}}""", "$.shippingAddress.country"),
        Workflow<OrderCompleted>("M-31", "order-completed", "unknown `service`", $$"""{"orderId":"{{Order}}","customerId":"{{Cart}}","completedAt":"{{At}}","service":"SAME_DAY"}""", "$.service"),
        Workflow<OrderCancelled>("M-32", "order-cancelled", "unknown `reason`", $$"""{"orderId":"{{Order}}","reason":"BORED","cancelledAt":"{{At}}"}""", "$.reason"),
        Workflow<OrderCancelled>("M-33", "order-cancelled", "no `cancelledAt`", $$"""{"orderId":"{{Order}}","reason":"FRAUD"}""", "$.cancelledAt"),
        Workflow<OrderPacked>("M-34", "order-packed", "`parcelCount` 0", $$"""{"orderId":"{{Order}}","parcelCount":0,"packedAt":"{{At}}"}""", "$.parcelCount"),
        Workflow<OrderShortPicked>("M-35", "order-short-picked", "not an object", "\"short\"", "$: body is not a JSON object"),
        Workflow<ShipmentFailed>("M-36", "shipment-failed", "unknown `reason`", $$"""{"shipmentId":"{{Shipment}}","orderId":"{{Order}}","reason":"EATEN","failedAt":"{{At}}"}""", "$.reason"),
        Workflow<ShipmentCreated>("M-37", "shipment-created", "no `trackingNumber`", $$"""{"shipmentId":"{{Shipment}}","orderId":"{{Order}}","createdAt":"{{At}}"}""", "$.trackingNumber"),
        Workflow<ShipmentDelivered>("M-38", "shipment-delivered", "no `deliveredAt`", $$"""{"shipmentId":"{{Shipment}}","orderId":"{{Order}}","signedBy":"A. Customer"}""", "$.deliveredAt"),
        ReadyForShipping("M-39", "no `shippingAddress`", $$"""{"orderId":"{{Order}}","readyAt":"{{At}}"}""", "$.shippingAddress"),
        ReadyForShipping("M-40", "address without `postcode`", $$$"""{"orderId":"{{{Order}}}","readyAt":"{{{At}}}","shippingAddress":{"line1":"1 Quay Street","city":"Bristol","country":"GB"}}""", "$.shippingAddress.postcode"),
        ReadyForShipping("M-41", "`parcelCount` negative", $$"""{"orderId":"{{Order}}","readyAt":"{{At}}","parcelCount":-1,"shippingAddress":{{Address}}}""", "$.parcelCount"),
        ReadyForShipping("M-42", "`readyAt` a date without a time", $$"""{"orderId":"{{Order}}","readyAt":"2030-01-10","shippingAddress":{{Address}}}""", "$.readyAt"),
        CreateShipment("M-43", "no `destination`", $$"""{"orderId":"{{Order}}","service":"EXPRESS"}""", "$.destination"),
        CreateShipment("M-44", "unknown `service`", $$"""{"orderId":"{{Order}}","service":"TELEPORT","destination":{{Address}}}""", "$.service"),
        CreateShipment("M-45", "`orderId` not a UUID", $$"""{"orderId":"o-1","destination":{{Address}}}""", "$.orderId"),
    ];

    private static string Line(string quantity) => $$"""{"cartId":"{{Cart}}","items":[{"productId":"{{Product}}","quantity":{{quantity}}}]}""";

    private static string ThousandsOfLines()
    {
        var body = new StringBuilder($$"""{"cartId":"{{Cart}}","items":[""");
        for (var i = 0; i < 3_000; i++)
        {
            body.Append(i == 0 ? "" : ",").Append($$"""{"productId":"{{Guid.NewGuid()}}","quantity":1}""");
        }

        return body.Append("]}").ToString();
    }

    private static BadInputCase Reserve(string id, string input, string body, string detail, string response = Contract) =>
        BadInputCase.Of(id, MessageNames.ReserveInventory, input, response, detail, world => ReserveAsync(world, body));

    private static BadInputCase Release(string id, string input, string body, string detail) =>
        BadInputCase.Of(id, MessageNames.ReleaseInventory, input, Contract, detail, world => ReleaseAsync(world, body));

    private static BadInputCase Workflow<T>(string id, string entryPoint, string input, string body, string detail)
        where T : class =>
        BadInputCase.Of(id, entryPoint, input, Contract, detail, _ => CatalogueWorld.ReceiveAsync<T>(body, CatalogueWorld.NotPastTheContract));

    private static BadInputCase ReadyForShipping(string id, string input, string body, string detail) =>
        BadInputCase.Of(id, MessageNames.OrderReadyForShipping, input, Contract, detail, world => CatalogueWorld.ReceiveAsync<OrderReadyForShipping>(body, async message =>
        {
            await world.Get<OrderReadyForShippingHandler>().HandleAsync(message, CancellationToken.None);
            return CatalogueWorld.Settled(Settlement.Complete);
        }));

    private static BadInputCase CreateShipment(string id, string input, string body, string detail) =>
        BadInputCase.Of(id, MessageNames.CreateShipment, input, Contract, detail, world => CatalogueWorld.ReceiveAsync<CreateShipment>(body, async command =>
            CatalogueWorld.Settled(Settlement.Complete, (await world.Get<CreateShipmentHandler>().HandleAsync(command, CancellationToken.None)).ToString())));

    private static Task<Answer> ReserveAsync(CatalogueWorld world, string body) =>
        CatalogueWorld.ReceiveAsync<ReserveInventory>(body, async command =>
        {
            var result = await world.Get<ReserveInventoryHandler>().HandleAsync(command, CancellationToken.None);
            return CatalogueWorld.Settled(InventorySettlements.For(result), result.Status.ToString());
        });

    private static Task<Answer> ReleaseAsync(CatalogueWorld world, string body) =>
        CatalogueWorld.ReceiveAsync<ReleaseInventory>(body, async command =>
        {
            var result = await world.Get<ReleaseInventoryHandler>().HandleAsync(command, CancellationToken.None);
            return CatalogueWorld.Settled(InventorySettlements.ForRelease(command, result), result.Outcome.ToString());
        });
}
