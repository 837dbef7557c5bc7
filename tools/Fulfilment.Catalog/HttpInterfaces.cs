using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Fulfilment.Contracts;
using Fulfilment.Http;
using Fulfilment.Messaging;
using Fulfilment.Shipping;
using static Fulfilment.Catalog.AsyncApiDocument;

namespace Fulfilment.Catalog;

/// <summary>
/// The HTTP side of the catalogue, as far as AsyncAPI's HTTP bindings can say it: the get-stock-level query on the
/// Function App, the carrier's <c>POST /shipments</c> (create-shipment) and <c>POST /shipments/{orderId}/cancel</c>,
/// and the carrier's signed callbacks. Header
/// names, the signature scheme and the problem body come from the code; the routes are the Function App's (see
/// docs/carrier-integration.md).
/// </summary>
public static class HttpInterfaces
{
    internal const string FunctionApp = "function-app";
    internal const string Carrier = "carrier";

    /// <summary>Routes, relative to the servers' base paths (the Function App's is <c>/api</c>).</summary>
    public const string StockLevelRoute = "/stock/{productId}";
    public const string CarrierShipmentsRoute = "/shipments";
    public const string CarrierEventsRoute = "/carrier/events";
    public const string CarrierCancelRoute = "/shipments/{orderId}/cancel";

    private const string StockLevel = "stock-level";
    private const string CarrierShipments = "carrier-shipments";
    private const string CarrierEvents = "carrier-events";
    private const string StockLevelRequest = "get-stock-level-request";
    private const string ShipmentAccepted = "carrier-shipment-accepted";
    private const string CallbackAccepted = "carrier-callback-accepted";
    private const string CarrierCancel = "carrier-shipment-cancel";
    private const string CancelRequest = "carrier-cancel-shipment-request";
    private const string CancelAccepted = "carrier-cancel-accepted";
    private const string CancelTooLate = "carrier-cancel-too-late";
    private const string ShipmentCancelled = "carrier-shipment-cancelled";
    private const string ProblemMessage = "problem";
    private const string BindingVersion = "0.3.0";

    private static readonly string[] CarrierEventNames = [MessageNames.ShipmentCreated, MessageNames.ShipmentDelivered, MessageNames.ShipmentFailed];

    public static void AddTo(JsonObject channels, JsonObject operations, JsonObject messages, JsonObject schemas)
    {
        schemas["Problem"] = Multi(ProblemSchema());
        messages[ProblemMessage] = new JsonObject
        {
            ["name"] = ProblemMessage,
            ["title"] = "Problem",
            ["description"] = "An RFC 7807 problem body: a 4xx answer names the kind of problem and lists every violation of a malformed request; nothing was changed.",
            ["contentType"] = Problem.ContentType,
            ["payload"] = Ref("#/components/schemas/Problem"),
        };

        AddStockLevel(channels, operations, messages);
        AddCarrierShipments(channels, operations, messages, schemas);
        AddCarrierCancel(channels, operations, messages, schemas);
        AddCarrierEvents(channels, operations, messages, schemas);
    }

    private static void AddStockLevel(JsonObject channels, JsonObject operations, JsonObject messages)
    {
        messages[StockLevelRequest] = new JsonObject
        {
            ["name"] = MessageNames.GetStockLevel,
            ["title"] = "GetStockLevel request",
            ["description"] = "GET /api/stock/{productId}, no body: the product is in the path. The answer is the message get-stock-level.",
            ["x-message-kind"] = "query",
        };
        messages[MessageNames.GetStockLevel]!["bindings"] = StatusCode(200);

        channels[StockLevel] = new JsonObject
        {
            ["address"] = StockLevelRoute,
            ["description"] = "The get-stock-level query: 200 with the product's stock level, 404 with a problem body when the product is unknown.",
            ["servers"] = new JsonArray(Ref($"#/servers/{FunctionApp}")),
            ["parameters"] = new JsonObject { ["productId"] = new JsonObject { ["description"] = "The product's id, a UUID." } },
            ["messages"] = ChannelMessages(StockLevelRequest, MessageNames.GetStockLevel, ProblemMessage),
        };
        foreach (var (participant, action) in new[] { (Participants.ProducerOf(MessageNames.GetStockLevel), "send"), (Participants.ConsumerOfQueue(MessageNames.GetStockLevel), "receive") })
        {
            Request(Add(operations, participant, action, StockLevel, [StockLevelRequest]), "GET", StockLevel, MessageNames.GetStockLevel, ProblemMessage);
        }
    }

    private static void AddCarrierShipments(JsonObject channels, JsonObject operations, JsonObject messages, JsonObject schemas)
    {
        var apiKeyHeader = new ShippingOptions().CarrierApiKeyHeader;
        messages[MessageNames.CreateShipment]!["bindings"] = new JsonObject
        {
            ["http"] = new JsonObject
            {
                ["headers"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray(CarrierClient.IdempotencyKeyHeader, apiKeyHeader),
                    ["properties"] = new JsonObject
                    {
                        [CarrierClient.IdempotencyKeyHeader] = new JsonObject
                        {
                            ["description"] = "The orderId: the same on every retry; a carrier that has seen it answers with the shipment it created.",
                            ["type"] = "string",
                            ["format"] = "uuid",
                        },
                        [apiKeyHeader] = new JsonObject
                        {
                            ["description"] = $"The API key the carrier issued (header name configurable: Shipping:CarrierApiKeyHeader, default {apiKeyHeader}).",
                            ["type"] = "string",
                        },
                    },
                },
                ["bindingVersion"] = BindingVersion,
            },
        };

        schemas["CarrierShipmentAccepted"] = Multi(new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "CarrierShipmentAccepted",
            ["description"] = "The carrier's answer to POST /shipments: the shipment it created (docs/carrier-integration.md).",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["shipmentId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                ["trackingNumber"] = new JsonObject { ["type"] = "string" },
                ["estimatedDelivery"] = new JsonObject { ["type"] = "string", ["format"] = "date" },
            },
            ["required"] = new JsonArray("shipmentId"),
        });
        messages[ShipmentAccepted] = new JsonObject
        {
            ["name"] = ShipmentAccepted,
            ["title"] = "Shipment accepted",
            ["description"] = "201 Created (200 OK for an Idempotency-Key the carrier has seen). A 400 or 422 is a permanent rejection (Shipping publishes shipment-rejected); 408, 429 and 5xx are retried.",
            ["contentType"] = OutgoingMessage.ContentType,
            ["payload"] = Ref("#/components/schemas/CarrierShipmentAccepted"),
            ["bindings"] = StatusCode(201),
        };

        channels[CarrierShipments] = new JsonObject
        {
            ["address"] = CarrierShipmentsRoute,
            ["description"] = "The carrier's API: Shipping sends each create-shipment it reads from its queue as POST {base URL}/shipments.",
            ["servers"] = new JsonArray(Ref($"#/servers/{Carrier}")),
            ["messages"] = ChannelMessages(MessageNames.CreateShipment, ShipmentAccepted, ShipmentCancelled, ProblemMessage),
        };
        foreach (var (participant, action) in new[] { (Participants.Shipping, "send"), (Participants.Carrier, "receive") })
        {
            Request(Add(operations, participant, action, CarrierShipments, [MessageNames.CreateShipment]), "POST", CarrierShipments, ShipmentAccepted, ShipmentCancelled, ProblemMessage);
        }
    }

    /// <summary>
    /// The cancel call (docs/carrier-integration.md section 2): Shipping cancels the Idempotency-Key of an order
    /// cancelled before the carrier has the parcel; the carrier answers CANCELLED (it will never ship that key, and a
    /// create still on its way gets 409 CANCELLED) or TOO_LATE (the parcel is picked up).
    /// </summary>
    private static void AddCarrierCancel(JsonObject channels, JsonObject operations, JsonObject messages, JsonObject schemas)
    {
        var apiKeyHeader = new ShippingOptions().CarrierApiKeyHeader;
        schemas["CarrierCancelStatus"] = Multi(new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "CarrierCancelStatus",
            ["description"] = "The carrier's status answer to a cancel, and to a create-shipment for a cancelled Idempotency-Key.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(CarrierClient.CancelledStatus, CarrierClient.TooLateStatus) },
            },
            ["required"] = new JsonArray("status"),
        });
        messages[ShipmentCancelled] = new JsonObject
        {
            ["name"] = ShipmentCancelled,
            ["title"] = "Shipment key cancelled",
            ["description"] = $"409 Conflict with {{\"status\":\"{CarrierClient.CancelledStatus}\"}}: the Idempotency-Key was cancelled before this create reached the carrier; no shipment exists or ever will (Shipping marks the shipment CANCELLED and does not retry).",
            ["contentType"] = OutgoingMessage.ContentType,
            ["payload"] = Ref("#/components/schemas/CarrierCancelStatus"),
            ["bindings"] = StatusCode(409),
        };
        messages[CancelRequest] = new JsonObject
        {
            ["name"] = CancelRequest,
            ["title"] = "Cancel shipment request",
            ["description"] = "POST {base URL}/shipments/{orderId}/cancel, no body; the orderId is the create's Idempotency-Key. Sent when an order is cancelled while its create-shipment may be on its way; repeated until the carrier answers.",
            ["bindings"] = new JsonObject
            {
                ["http"] = new JsonObject
                {
                    ["headers"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray(apiKeyHeader),
                        ["properties"] = new JsonObject
                        {
                            [apiKeyHeader] = new JsonObject { ["description"] = "The API key the carrier issued.", ["type"] = "string" },
                        },
                    },
                    ["bindingVersion"] = BindingVersion,
                },
            },
        };
        messages[CancelAccepted] = new JsonObject
        {
            ["name"] = CancelAccepted,
            ["title"] = "Cancel accepted",
            ["description"] = $"200 OK with {{\"status\":\"{CarrierClient.CancelledStatus}\"}}: the key will never ship (idempotent: a repeated cancel gets the same answer). 408, 429 and 5xx are retried; any other answer is a fault.",
            ["contentType"] = OutgoingMessage.ContentType,
            ["payload"] = Ref("#/components/schemas/CarrierCancelStatus"),
            ["bindings"] = StatusCode(200),
        };
        messages[CancelTooLate] = new JsonObject
        {
            ["name"] = CancelTooLate,
            ["title"] = "Cancel too late",
            ["description"] = $"409 Conflict with {{\"status\":\"{CarrierClient.TooLateStatus}\"}}: the parcel is picked up; the order can no longer be cancelled (Fulfilment publishes order-cancellation-refused).",
            ["contentType"] = OutgoingMessage.ContentType,
            ["payload"] = Ref("#/components/schemas/CarrierCancelStatus"),
            ["bindings"] = StatusCode(409),
        };

        channels[CarrierCancel] = new JsonObject
        {
            ["address"] = CarrierCancelRoute,
            ["description"] = "The carrier's API: Shipping cancels an order's shipment key before the carrier has the parcel.",
            ["servers"] = new JsonArray(Ref($"#/servers/{Carrier}")),
            ["parameters"] = new JsonObject { ["orderId"] = new JsonObject { ["description"] = "The order's id (the create-shipment's Idempotency-Key), a UUID." } },
            ["messages"] = ChannelMessages(CancelRequest, CancelAccepted, CancelTooLate),
        };
        foreach (var (participant, action) in new[] { (Participants.Shipping, "send"), (Participants.Carrier, "receive") })
        {
            Request(Add(operations, participant, action, CarrierCancel, [CancelRequest]), "POST", CarrierCancel, CancelAccepted, CancelTooLate);
        }
    }

    private static void AddCarrierEvents(JsonObject channels, JsonObject operations, JsonObject messages, JsonObject schemas)
    {
        var headers = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray(CarrierCallbackHeaders.Timestamp, CarrierCallbackHeaders.Signature),
            ["properties"] = new JsonObject
            {
                [CarrierCallbackHeaders.Timestamp] = new JsonObject
                {
                    ["description"] = "Unix time in seconds when the carrier signed the request; it must be within 5 minutes of Fulfilment's clock.",
                    ["type"] = "string",
                    ["pattern"] = "^[0-9]+$",
                },
                [CarrierCallbackHeaders.Signature] = new JsonObject
                {
                    ["description"] = $"{CarrierSignature.Scheme} followed by the hex HMAC-SHA256 of timestamp + \".\" + the raw body, keyed with the shared secret (the current or the previous one).",
                    ["type"] = "string",
                    ["pattern"] = $"^{CarrierSignature.Scheme}[0-9a-fA-F]{{64}}$",
                },
            },
        };

        var envelopes = new List<string>();
        foreach (var name in CarrierEventNames)
        {
            var title = SchemaOf(name)["title"]!.GetValue<string>();
            schemas[$"CarrierCallback{title}"] = Multi(new JsonObject
            {
                ["$schema"] = "http://json-schema.org/draft-07/schema#",
                ["title"] = $"CarrierCallback{title}",
                ["description"] = $"The carrier's signed callback carrying {name}; the same eventId on a retry makes it a no-op.",
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["eventId"] = new JsonObject
                    {
                        ["description"] = "The carrier's unique id of this event, the same on every retry.",
                        ["type"] = "string",
                        ["pattern"] = CarrierEventParser.EventIdPattern,
                    },
                    ["type"] = new JsonObject { ["type"] = "string", ["const"] = name },
                    ["data"] = SchemaOf(name),
                },
                ["required"] = new JsonArray("eventId", "type", "data"),
            });

            var envelope = $"carrier-{name}";
            envelopes.Add(envelope);
            messages[envelope] = new JsonObject
            {
                ["name"] = name,
                ["title"] = $"{title} (carrier callback)",
                ["description"] = $"POST /api/carrier/events with type {name}, signed; Shipping records it once per eventId and republishes {name} on its topic.",
                ["contentType"] = OutgoingMessage.ContentType,
                ["headers"] = headers.DeepClone(),
                ["payload"] = Ref($"#/components/schemas/CarrierCallback{title}"),
                ["x-message-kind"] = "event",
            };
        }

        messages[CallbackAccepted] = new JsonObject
        {
            ["name"] = CallbackAccepted,
            ["title"] = "Callback accepted",
            ["description"] = $"202 Accepted: applied, recorded and ignored, or a replay of a known eventId. Errors: 400 (contract), 401 (signature or clock), 404 (no such shipment), 413 (body over {CarrierCallbackHeaders.MaxBodyBytes} bytes); retry only a 5xx.",
            ["bindings"] = StatusCode(202),
        };

        channels[CarrierEvents] = new JsonObject
        {
            ["address"] = CarrierEventsRoute,
            ["description"] = "The carrier's callbacks: shipment-created, shipment-delivered and shipment-failed, HMAC-signed, in an { eventId, type, data } envelope.",
            ["servers"] = new JsonArray(Ref($"#/servers/{FunctionApp}")),
            ["messages"] = ChannelMessages([.. envelopes, CallbackAccepted, ProblemMessage]),
        };
        foreach (var (participant, action) in new[] { (Participants.Carrier, "send"), (Participants.Shipping, "receive") })
        {
            Request(Add(operations, participant, action, CarrierEvents, envelopes), "POST", CarrierEvents, CallbackAccepted, ProblemMessage);
        }
    }

    /// <summary>Makes an operation an HTTP request with its method and the answers on the same channel.</summary>
    private static void Request(JsonObject operation, string method, string channel, params string[] replies)
    {
        operation["bindings"] = new JsonObject { ["http"] = new JsonObject { ["method"] = method, ["bindingVersion"] = BindingVersion } };
        operation["reply"] = new JsonObject
        {
            ["channel"] = Ref($"#/channels/{channel}"),
            ["messages"] = new JsonArray([.. replies.Select(m => (JsonNode)Ref($"#/channels/{channel}/messages/{m}"))]),
        };
    }

    private static JsonObject ChannelMessages(params string[] names)
    {
        var messages = new JsonObject();
        foreach (var name in names)
        {
            messages[name] = Ref($"#/components/messages/{name}");
        }

        return messages;
    }

    private static JsonObject StatusCode(int statusCode) =>
        new() { ["http"] = new JsonObject { ["statusCode"] = statusCode, ["bindingVersion"] = BindingVersion } };

    private static JsonObject Multi(JsonObject schema) => new() { ["schemaFormat"] = SchemaFormat, ["schema"] = schema };

    /// <summary>The problem body's schema, exported from <see cref="Problem"/> as the Function App serialises it.</summary>
    private static JsonObject ProblemSchema()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            NumberHandling = JsonNumberHandling.Strict, // what the Function App writes: numbers as numbers
        };
        var exported = options.GetJsonSchemaAsNode(typeof(Problem), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Problem",
            ["description"] = "RFC 7807 problem details (application/problem+json).",
        };
        foreach (var (key, value) in exported)
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }
}
