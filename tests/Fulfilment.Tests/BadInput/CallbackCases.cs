using System.Globalization;
using System.Text;
using Fulfilment.Contracts;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;

namespace Fulfilment.Tests.BadInput;

/// <summary>
/// Carrier callbacks through <see cref="CarrierCallbackHandler"/> (the logic behind <c>POST /api/carrier/events</c>),
/// each against a shipment REQUESTED for a real order unless the case says otherwise.
/// </summary>
internal static class CallbackCases
{
    private const string EntryPoint = "carrier callback";

    public static IEnumerable<BadInputCase> All() =>
    [
        Callback("C-01", "no signature header", "401", "X-Carrier-Signature headers are required", (w, c) => w.CallbackAsync(c.Body, c.Timestamp, null)),
        Callback("C-02", "no timestamp header", "401", "X-Carrier-Signature headers are required", (w, c) => w.CallbackAsync(c.Body, null, c.Signature)),
        Callback("C-03", "signature not `sha256=<hex>`", "401", "signature does not match", (w, c) => w.CallbackAsync(c.Body, c.Timestamp, "sha256=not-hex")),
        Callback("C-04", "signed with a wrong secret", "401", "signature does not match", (w, c) => w.CallbackAsync(Resigned(c, "a-secret-we-never-shared-0123"))),
        Callback("C-05", "signed with a secret rotated out before the current rotation", "401", "signature does not match", (w, c) => w.CallbackAsync(Resigned(c, CatalogueWorld.RetiredSecret))),
        Callback("C-06", "stale: signed 6 minutes ago", "401", "more than 5 minutes away", (w, c) => w.CallbackAsync(Resigned(c, CatalogueWorld.Secret, w.Clock.GetUtcNow().AddMinutes(-6)))),
        Callback("C-07", "future: signed 6 minutes ahead", "401", "more than 5 minutes away", (w, c) => w.CallbackAsync(Resigned(c, CatalogueWorld.Secret, w.Clock.GetUtcNow().AddMinutes(6)))),
        Callback("C-08", "timestamp not a number", "401", "must be unix time in seconds", (w, c) => w.CallbackAsync(c.Body, "soon", c.Signature)),
        Callback("C-09", "body tampered after signing (tracking number changed)", "401", "signature does not match", (w, c) =>
            w.CallbackAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(c.Body).Replace("TRK-CATALOGUE", "TRK-FORGED", StringComparison.Ordinal)), c.Timestamp, c.Signature)),
        Callback("C-10", "timestamp changed after signing (replaying an old signature as new)", "401", "signature does not match", (w, c) =>
            w.CallbackAsync(c.Body, (long.Parse(c.Timestamp, CultureInfo.InvariantCulture) + 60).ToString(CultureInfo.InvariantCulture), c.Signature)),
        Callback("C-11", "body over 64 KiB, validly signed", "413", "larger than", (w, _) =>
            w.CallbackAsync(FakeCarrier.Sign(CatalogueWorld.Secret, Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 65 * 1024) + "\"}"), w.Clock.GetUtcNow()))),
        Callback("C-12", "not JSON, validly signed", "400", "$: body is not JSON", (w, _) => w.CallbackAsync(Raw(w, "shipped!"))),
        Callback("C-13", "unknown event `type`", "400", "$.type", (w, c) => w.CallbackAsync(Raw(w, """{"eventId":"evt-x","type":"shipment-teleported","data":{}}"""))),
        Callback("C-14", "no `eventId`", "400", "$.eventId", (w, c) => w.CallbackAsync(Raw(w, """{"type":"shipment-created","data":{}}"""))),
        Callback("C-15", "`data` missing required fields", "400", "$.data.trackingNumber", (w, c) =>
            w.CallbackAsync(Raw(w, $$$"""{"eventId":"evt-x","type":"shipment-created","data":{"orderId":"{{{OrderOf(c)}}}","shipmentId":"{{{Guid.NewGuid()}}}"}}"""))),
        Callback("C-16", "`data.deliveredAt` not a date-time", "400", "$.data.deliveredAt", (w, c) =>
            w.CallbackAsync(Raw(w, $$$"""{"eventId":"evt-x","type":"shipment-delivered","data":{"orderId":"{{{OrderOf(c)}}}","shipmentId":"{{{Guid.NewGuid()}}}","deliveredAt":"soon"}}"""))),
        new("C-17", EntryPoint, "an order with no shipment (unknown shipment)", "404", "has no shipment", async world =>
        {
            var callback = world.Signed("evt-unknown", MessageNames.ShipmentCreated, Created(Guid.NewGuid(), Guid.NewGuid()));
            return () => world.CallbackAsync(callback);
        }),
        new("C-18", EntryPoint, "another shipment id than the order's", "404", "is not the shipment of order", async world =>
        {
            var orderId = await world.ShipmentAsync();
            Assert.Equal("202 Applied", (await world.CallbackAsync(world.Signed("evt-1", MessageNames.ShipmentCreated, Created(orderId, Guid.NewGuid())))).Response);
            return () => world.CallbackAsync(world.Signed("evt-2", MessageNames.ShipmentDelivered, new ShipmentDelivered(Guid.NewGuid(), orderId, world.Clock.GetUtcNow())));
        }),
        new("C-19", EntryPoint, "replay: the same event again", "202 Replayed", "Replayed", async world =>
        {
            var orderId = await world.ShipmentAsync();
            var callback = world.Signed("evt-1", MessageNames.ShipmentCreated, Created(orderId, Guid.NewGuid()));
            Assert.Equal("202 Applied", (await world.CallbackAsync(callback)).Response);
            return () => world.CallbackAsync(callback);
        }),
        new("C-20", EntryPoint, "replay of an event id with another body, re-signed", "202 Replayed", "Replayed", async world =>
        {
            var orderId = await world.ShipmentAsync();
            var shipmentId = Guid.NewGuid();
            Assert.Equal("202 Applied", (await world.CallbackAsync(world.Signed("evt-1", MessageNames.ShipmentCreated, Created(orderId, shipmentId)))).Response);
            return () => world.CallbackAsync(world.Signed("evt-1", MessageNames.ShipmentFailed, new ShipmentFailed(shipmentId, orderId, ShipmentFailureReason.Lost, world.Clock.GetUtcNow())));
        }),
        new("C-21", EntryPoint, "out of order: shipment-created after shipment-delivered", "202 Ignored", "Ignored", async world =>
        {
            var orderId = await world.ShipmentAsync();
            var shipmentId = Guid.NewGuid();
            Assert.Equal("202 Applied", (await world.CallbackAsync(world.Signed("evt-1", MessageNames.ShipmentDelivered, new ShipmentDelivered(shipmentId, orderId, world.Clock.GetUtcNow())))).Response);
            return () => world.CallbackAsync(world.Signed("evt-2", MessageNames.ShipmentCreated, Created(orderId, shipmentId)));
        }, CaseState.EventIdRecorded),
        new("C-22", EntryPoint, "a second shipment-created (new event id, new tracking number)", "202 Ignored", "Ignored", async world =>
        {
            var orderId = await world.ShipmentAsync();
            var shipmentId = Guid.NewGuid();
            Assert.Equal("202 Applied", (await world.CallbackAsync(world.Signed("evt-1", MessageNames.ShipmentCreated, Created(orderId, shipmentId)))).Response);
            return () => world.CallbackAsync(world.Signed("evt-2", MessageNames.ShipmentCreated, Created(orderId, shipmentId) with { TrackingNumber = "TRK-OTHER" }));
        }, CaseState.EventIdRecorded),
    ];

    /// <summary>A case against a REQUESTED shipment: <paramref name="send"/> gets the world and a valid, signed shipment-created for it.</summary>
    private static BadInputCase Callback(string id, string input, string response, string detail, Func<CatalogueWorld, SignedCarrierCallback, Task<Answer>> send) =>
        new(id, EntryPoint, input, response, detail, async world =>
        {
            var orderId = await world.ShipmentAsync();
            var callback = world.Signed("evt-1", MessageNames.ShipmentCreated, Created(orderId, Guid.NewGuid()));
            return () => send(world, callback);
        });

    private static ShipmentCreated Created(Guid orderId, Guid shipmentId) =>
        new(shipmentId, orderId, "TRK-CATALOGUE", new DateTimeOffset(2030, 1, 10, 9, 0, 0, TimeSpan.Zero));

    private static SignedCarrierCallback Resigned(SignedCarrierCallback callback, string secret, DateTimeOffset? at = null) =>
        FakeCarrier.Sign(secret, callback.Body, at ?? DateTimeOffset.FromUnixTimeSeconds(long.Parse(callback.Timestamp, CultureInfo.InvariantCulture)));

    private static SignedCarrierCallback Raw(CatalogueWorld world, string body) =>
        FakeCarrier.Sign(CatalogueWorld.Secret, Encoding.UTF8.GetBytes(body), world.Clock.GetUtcNow());

    private static string OrderOf(SignedCarrierCallback callback)
    {
        using var document = System.Text.Json.JsonDocument.Parse(callback.Body);
        return document.RootElement.GetProperty("data").GetProperty("orderId").GetString()!;
    }
}
