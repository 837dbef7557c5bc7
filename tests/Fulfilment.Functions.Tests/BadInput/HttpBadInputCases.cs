using Fulfilment.Functions.Inventory;
using Fulfilment.Functions.Shipping;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Functions.Warehouse;
using Fulfilment.Functions.Workflow;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Warehouse;
using Microsoft.AspNetCore.Http;
using static Fulfilment.Functions.Tests.BadInput.HttpWorld;

namespace Fulfilment.Functions.Tests.BadInput;

/// <summary>
/// The H- rows of docs/bad-input.md: every HTTP trigger of the Function App (HttpTriggersTests lists them) called
/// through its real function with a bad route value, body, content type, size or identity.
/// </summary>
internal static class HttpBadInputCases
{
    private const string GetStock = "GET /api/stock/{productId}";
    private const string PutStock = "PUT /api/stock/{productId}";
    private const string ListJobs = "GET /api/picking-jobs";
    private const string Start = "POST /api/picking-jobs/{orderId}/start";
    private const string Pack = "POST /api/picking-jobs/{orderId}/pack";
    private const string ShortPick = "POST /api/picking-jobs/{orderId}/short-pick";
    private const string CarrierEvents = "POST /api/carrier/events";
    private const string FulfilmentStatus = "GET /api/fulfilments/{orderId}";

    private const string NotTheJson = "is not the JSON this endpoint takes";
    private const string Nested = "nesting 100 deep in an extra field (the reader stops at 64)";

    private static readonly string Deep = new string('[', 100) + new string(']', 100);
    private static readonly string OversizedBody = "{\"parcelCount\":1," + new string(' ', PickingFloorFunctions.MaxBodyBytes) + "}";

    public static IReadOnlyList<HttpBadInputCase> All { get; } =
    [
        StockRead("H-01", "`productId` not a UUID", 400, "productId", (w, r) => w.Function<StockFunctions>().GetStock(r, "sku-42", default)),
        StockRead("H-02", "`productId` the empty UUID", 400, "productId", (w, r) => w.Function<StockFunctions>().GetStock(r, Guid.Empty.ToString(), default)),
        StockRead("H-03", "`productId` empty", 400, "productId", (w, r) => w.Function<StockFunctions>().GetStock(r, "", default)),
        StockRead("H-04", "a product nobody stocks", 404, "has no stock record", (w, r) => w.Function<StockFunctions>().GetStock(r, Guid.NewGuid().ToString(), default)),

        StockWrite("H-05", "`productId` not a UUID", 400, "productId", "sku-42", Set()),
        StockWrite("H-06", "body not JSON", 400, NotTheJson, null, "available=7"),
        StockWrite("H-07", "body a JSON array", 400, NotTheJson, null, "[]"),
        StockWrite("H-08", "`available` a string (wrong type)", 400, "$.available", null, Set("\"7\"")),
        StockWrite("H-09", "no `operationId`", 400, "operationId", null, """{"available":7,"reason":"count"}"""),
        StockWrite("H-10", "both `available` and `restock`", 400, "give exactly one of", null, $$"""{"operationId":"{{Guid.NewGuid()}}","available":7,"restock":2,"reason":"count"}"""),
        StockWrite("H-11", "`available` negative", 422, "available must be 0 or more", null, Set("-1")),
        StockWrite("H-12", "`restock` beyond a 32-bit integer", 400, "$.restock", null, $$"""{"operationId":"{{Guid.NewGuid()}}","restock":2147483648}"""),
        StockWrite("H-13", "body over 4 KiB", 413, "larger than 4096 bytes", null, Set() + new string(' ', StockFunctions.MaxBodyBytes)),
        StockWrite("H-14", Nested, 400, "maximum configured depth of 64", null, $$"""{"operationId":"{{Guid.NewGuid()}}","restock":1,"note":{{Deep}}}"""),
        StockWrite("H-15", "Content-Type `text/plain`", 415, "must be application/json; got text/plain", null, Set(), "text/plain"),

        Jobs("H-16", "no principal (no Entra sign-in)", 401, "No authenticated caller", "?status=CREATED", NoPrincipal),
        Jobs("H-17", "no `status`", 400, "status", "?pageSize=10", null),
        Jobs("H-18", "`pageSize` not a number", 400, "pageSize", "?status=CREATED&pageSize=ten", null),
        Jobs("H-19", "`pageSize` 1,000 (over the maximum)", 422, "pageSize must be between 1 and 100", "?status=CREATED&pageSize=1000", null),

        Floor("H-20", Start, "`orderId` not a UUID", PickingJobStatus.Created, 400, "orderId", (w, _) => Starting(w, "order-1", "{}")),
        Floor("H-21", Start, "`orderId` empty", PickingJobStatus.Created, 400, "orderId", (w, _) => Starting(w, "", "{}")),
        Floor("H-22", Start, "no principal (no Entra sign-in)", PickingJobStatus.Created, 401, "No authenticated caller", (w, j) => Starting(w, j, "{}", NoPrincipal)),
        Floor("H-23", Start, "principal header not base64", PickingJobStatus.Created, 401, "is malformed: it is not base64", (w, j) => Starting(w, j, "{}", Principal("not base64 at all!"))),
        Floor("H-24", Start, "principal header base64 of something not JSON", PickingJobStatus.Created, 401, "is malformed: it is not base64 of JSON", (w, j) => Starting(w, j, "{}", Principal(Principals.Base64("alice")))),
        Floor("H-25", Start, "principal with roles but no object id claim", PickingJobStatus.Created, 401, "no object id claim", (w, j) => Starting(w, j, "{}", Principal(Principals.Base64("""{"auth_typ":"aad","claims":[{"typ":"name","val":"Alice"},{"typ":"roles","val":"Warehouse.Picker"}]}""")))),
        Floor("H-26", Start, "principal header given twice (Alice and Bob)", PickingJobStatus.Created, 401, "given more than once", (w, j) => SendAsync(
            Twice(Request("POST", "{}"), Principals.Header, Principals.Encode(Principals.Alice, Principals.PickerRole), Principals.Encode(Principals.Bob, Principals.PickerRole)),
            r => w.Function<PickingFloorFunctions>().StartPicking(r, j.OrderId.ToString(), default))),
        Floor("H-27", Start, "forged principal header where App Service authentication is off", PickingJobStatus.Created, 401, "TrustClientPrincipal is false", (w, j) => Starting(w, j, "{}"),
            new Dictionary<string, string?> { ["Warehouse:TrustClientPrincipal"] = "false" }),
        Floor("H-28", Start, "principal holding neither floor role", PickingJobStatus.Created, 403, "holds neither the Warehouse.Picker nor the Warehouse.Supervisor app role", (w, j) => Starting(w, j, "{}", Principals.As(Principals.Bob, "Orders.Reader"))),
        Floor("H-29", Start, "`pickerId` of someone else than the caller", PickingJobStatus.Created, 403, "pickerId names someone other than the signed-in caller", (w, j) => Starting(w, j, $$"""{"pickerId":"{{Principals.Bob}}"}""")),
        Floor("H-30", Start, "`pickerId` a number (wrong type)", PickingJobStatus.Created, 400, "$.pickerId", (w, j) => Starting(w, j, """{"pickerId":7}""")),
        Floor("H-31", Start, "body not JSON", PickingJobStatus.Created, 400, NotTheJson, (w, j) => Starting(w, j, "start please")),
        Floor("H-32", Start, "Content-Type `application/x-www-form-urlencoded`", PickingJobStatus.Created, 415, "must be application/json", (w, j) => Starting(w, j, "{}", new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" })),

        Floor("H-33", Pack, "by another picker than the job's", PickingJobStatus.Picking, 403, "only its picker or a supervisor may pack it", (w, j) => Packing(w, j, """{"parcelCount":1}""", Principals.BobPicking)),
        Floor("H-34", Pack, "`parcelCount` a string (wrong type)", PickingJobStatus.Picking, 400, "$.parcelCount", (w, j) => Packing(w, j, """{"parcelCount":"two"}""")),
        Floor("H-35", Pack, "no `parcelCount`", PickingJobStatus.Picking, 400, "parcelCount", (w, j) => Packing(w, j, "{}")),
        Floor("H-36", Pack, "`parcelCount` beyond a 32-bit integer", PickingJobStatus.Picking, 400, "$.parcelCount", (w, j) => Packing(w, j, """{"parcelCount":2147483648}""")),
        Floor("H-37", Pack, "body over 4 KiB", PickingJobStatus.Picking, 413, "larger than 4096 bytes", (w, j) => Packing(w, j, OversizedBody)),
        Floor("H-38", Pack, "body over 4 KiB without a Content-Length", PickingJobStatus.Picking, 413, "larger than 4096 bytes", (w, j) =>
        {
            var request = Request("POST", OversizedBody);
            request.ContentLength = null;
            return SendAsync(request, r => w.Function<PickingFloorFunctions>().PackPickingJob(r, j.OrderId.ToString(), default));
        }),
        Floor("H-39", Pack, Nested, PickingJobStatus.Picking, 400, "maximum configured depth of 64", (w, j) => Packing(w, j, $$"""{"parcelCount":1,"note":{{Deep}}}""")),
        Floor("H-40", Pack, "a packed job, by another picker", PickingJobStatus.Packed, 403, "only its picker or a supervisor may pack it", (w, j) => Packing(w, j, """{"parcelCount":1}""", Principals.BobPicking)),

        Floor("H-41", ShortPick, "\"0 picked\" by another picker than the job's", PickingJobStatus.Picking, 403, "only its picker or a supervisor may report a short pick on it", (w, j) =>
            ShortPicking(w, j, $$"""{"productId":"{{j.Lines[0].ProductId}}","picked":0,"reason":"nothing on the shelf"}""", Principals.BobPicking)),
        Floor("H-42", ShortPick, "`productId` not a UUID", PickingJobStatus.Picking, 400, "$.productId", (w, j) => ShortPicking(w, j, """{"productId":"widget","picked":0,"reason":"gone"}""")),
        Floor("H-43", ShortPick, "no `reason`", PickingJobStatus.Picking, 400, "reason", (w, j) => ShortPicking(w, j, $$"""{"productId":"{{j.Lines[0].ProductId}}","picked":0}""")),
        Floor("H-44", ShortPick, "`reason` null", PickingJobStatus.Picking, 400, "reason", (w, j) => ShortPicking(w, j, $$"""{"productId":"{{j.Lines[0].ProductId}}","picked":0,"reason":null}""")),
        Floor("H-45", ShortPick, "`picked` a fraction", PickingJobStatus.Picking, 400, "$.picked", (w, j) => ShortPicking(w, j, $$"""{"productId":"{{j.Lines[0].ProductId}}","picked":0.5,"reason":"half"}""")),
        Floor("H-46", ShortPick, "by a caller whose principal has no object id (display name only)", PickingJobStatus.Picking, 401, "no object id claim", (w, j) =>
            ShortPicking(w, j, $$"""{"productId":"{{j.Lines[0].ProductId}}","picked":0,"reason":"gone"}""", Principal(Principals.Base64("""{"auth_typ":"aad","claims":[{"typ":"name","val":"Alice"}]}""")))),

        Callback("H-47", "no signature headers", 401, "X-Carrier-Signature headers are required", (w, c) => Receiving(w, HttpCalls.Request("POST", c.Body))),
        Callback("H-48", "signature header given twice", 401, "X-Carrier-Signature headers are required", (w, c) => Receiving(w, Twice(
            HttpCalls.Request("POST", c.Body, headers: new Dictionary<string, string> { [CarrierCallbackHeaders.Timestamp] = c.Timestamp }),
            CarrierCallbackHeaders.Signature, c.Signature, c.Signature))),
        Callback("H-49", "body over 64 KiB (Content-Length says so)", 413, "larger than 65536 bytes", (w, c) => Receiving(w, HttpCalls.Request("POST", new byte[CarrierCallbackHeaders.MaxBodyBytes + 1], headers: Signed(c)))),
        Callback("H-50", "body over 64 KiB without a Content-Length", 413, "larger than 65536 bytes", (w, c) =>
        {
            var request = HttpCalls.Request("POST", new byte[CarrierCallbackHeaders.MaxBodyBytes + 1], headers: Signed(c));
            request.ContentLength = null;
            return Receiving(w, request);
        }),

        Status("H-51", "`orderId` not a UUID", 400, "orderId", "order-1"),
        Status("H-52", "`orderId` the empty UUID", 400, "orderId", Guid.Empty.ToString()),
        Status("H-53", "an order Fulfilment has never seen", 404, "has no fulfilment", Guid.NewGuid().ToString()),
    ];

    private static Dictionary<string, string> NoPrincipal => new() { [Principals.Header] = "" };

    private static Dictionary<string, string> Principal(string header) => new() { [Principals.Header] = header };

    private static string Set(string available = "7") => $$"""{"operationId":"{{Guid.NewGuid()}}","available":{{available}},"reason":"cycle count"}""";

    private static Dictionary<string, string> Signed(SignedCarrierCallback c) =>
        new() { [CarrierCallbackHeaders.Timestamp] = c.Timestamp, [CarrierCallbackHeaders.Signature] = c.Signature };

    private static Task<HttpAnswer> Starting(HttpWorld w, PickingJob job, string body, IDictionary<string, string>? headers = null) =>
        Starting(w, job.OrderId.ToString(), body, headers);

    private static Task<HttpAnswer> Starting(HttpWorld w, string orderId, string body, IDictionary<string, string>? headers = null) =>
        SendAsync(Request("POST", body, headers: headers), r => w.Function<PickingFloorFunctions>().StartPicking(r, orderId, default));

    private static Task<HttpAnswer> Packing(HttpWorld w, PickingJob job, string body, IDictionary<string, string>? headers = null) =>
        SendAsync(Request("POST", body, headers: headers), r => w.Function<PickingFloorFunctions>().PackPickingJob(r, job.OrderId.ToString(), default));

    private static Task<HttpAnswer> ShortPicking(HttpWorld w, PickingJob job, string body, IDictionary<string, string>? headers = null) =>
        SendAsync(Request("POST", body, headers: headers), r => w.Function<PickingFloorFunctions>().ReportShortPick(r, job.OrderId.ToString(), default));

    private static Task<HttpAnswer> Receiving(HttpWorld w, HttpRequest request) =>
        SendAsync(request, r => w.Function<CarrierEventsFunction>().ReceiveCarrierEvent(r, default));

    /// <summary>A read of stock, with a product on the books (10 units) that the request does not name.</summary>
    private static HttpBadInputCase StockRead(string id, string input, int status, string detail, Func<HttpWorld, HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> call) =>
        new(id, GetStock, input, status, detail, async w =>
        {
            await w.ProductAsync();
            return () => SendAsync(Request("GET"), r => call(w, r));
        });

    /// <summary>A stock change of an existing product (10 units), or of <paramref name="productId"/> when given.</summary>
    private static HttpBadInputCase StockWrite(string id, string input, int status, string detail, string? productId, string body, string? contentType = null) =>
        new(id, PutStock, input, status, detail, async w =>
        {
            var product = await w.ProductAsync();
            var headers = contentType is null ? null : new Dictionary<string, string> { ["Content-Type"] = contentType };
            return () => SendAsync(Request("PUT", body, headers: headers), r => w.Function<StockFunctions>().PutStock(r, productId ?? product.ToString(), default));
        });

    /// <summary>A list of picking jobs, with one job waiting; <paramref name="headers"/> replace Alice's.</summary>
    private static HttpBadInputCase Jobs(string id, string input, int status, string detail, string query, IDictionary<string, string>? headers) =>
        new(id, ListJobs, input, status, detail, async w =>
        {
            await w.JobAsync(PickingJobStatus.Created);
            return () => SendAsync(Request("GET", query: query, headers: headers), r => w.Function<PickingFloorFunctions>().ListPickingJobs(r, default));
        });

    /// <summary>An operation on a job in <paramref name="jobStatus"/>, started (where it is) by Alice.</summary>
    private static HttpBadInputCase Floor(
        string id, string endpoint, string input, PickingJobStatus jobStatus, int status, string detail, Func<HttpWorld, PickingJob, Task<HttpAnswer>> call,
        IDictionary<string, string?>? settings = null) =>
        new(id, endpoint, input, status, detail, async w =>
        {
            var job = await w.JobAsync(jobStatus);
            return () => call(w, job);
        }, settings);

    /// <summary>A carrier callback, authentic unless the case breaks it, for an order whose shipment was requested.</summary>
    private static HttpBadInputCase Callback(
        string id, string input, int status, string detail, Func<HttpWorld, SignedCarrierCallback, Task<HttpAnswer>> call) =>
        new(id, CarrierEvents, input, status, detail, async w =>
        {
            var orderId = await w.ShipmentAsync();
            return () => call(w, w.Callback(orderId));
        });

    /// <summary>A status read, with an order waiting in the picking job's table (its fulfilment is not started here).</summary>
    private static HttpBadInputCase Status(string id, string input, int status, string detail, string orderId) =>
        new(id, FulfilmentStatus, input, status, detail, async w =>
        {
            await w.JobAsync(PickingJobStatus.Created);
            var client = await w.DurableClientAsync();
            return () => SendAsync(Request("GET"), r => w.Function<FulfilmentStatusFunction>().GetFulfilment(r, client, orderId, default));
        });
}
