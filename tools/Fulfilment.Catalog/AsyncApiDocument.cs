using System.Text.Json.Nodes;
using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Catalog;

/// <summary>
/// Builds Fulfilment's AsyncAPI 3 document from the contracts: a channel per queue and topic of
/// <see cref="Topology"/>, an operation per producer and per consumer (one per Fulfilment subscription), every
/// message of <see cref="MessageTypes"/> with its shipped draft-07 schema, and the HTTP interfaces
/// (<see cref="HttpInterfaces"/>). AsyncAPI has no Service Bus binding: the servers say <c>amqps</c> (AMQP 1.0)
/// and the <c>x-service-bus</c> extension, described in <c>info.description</c>, names queues, topics and
/// subscriptions.
/// </summary>
public static class AsyncApiDocument
{
    public const string SchemaFormat = "application/schema+json;version=draft-07";

    /// <summary>The contract version: the published catalogue's v1.0.0 that the messages keep.</summary>
    public const string ContractVersion = "1.0.0";

    internal const string ServiceBus = "service-bus";

    private const string Description = """
        The messages Fulfilment sends and receives, generated from the code by tools/Fulfilment.Catalog:
        wire names from Fulfilment.Contracts.MessageNames, queues, topics and subscriptions from Topology,
        payloads from the draft-07 JSON Schemas shipped in Fulfilment.Contracts/Schemas. Do not edit by hand:
        run dotnet run --project tools/Fulfilment.Catalog (a test fails when this file is stale).

        Commands travel on Service Bus queues, events on Service Bus topics (one per message name) with one
        subscription per consumer inside Fulfilment. Every operation carries one tag: the participant that
        performs it (Fulfilment's services inventory, warehouse, shipping and workflow; ordering and the carrier
        outside it).

        AsyncAPI has no Azure Service Bus binding, so the service-bus server says amqps (AMQP 1.0) and these
        extensions describe the entities:
        - x-service-bus on a channel: entity is queue or topic; a topic lists Fulfilment's
          subscriptions on it (a topic with none is read by ordering on subscriptions it owns).
        - x-service-bus on an operation: the entity it reads or writes and, for a receive on a topic, the
          subscription it reads.
        - x-message-kind on a message: command, event or query, as in the catalogue.

        Every message Fulfilment sends has Subject = its wire name, ContentType = application/json,
        CorrelationId = the orderId (the cartId before an order exists) and a MessageId derived from the wire
        name and the business key of the step, so that Service Bus duplicate detection drops a re-send. A body
        that is not JSON or breaks its contract is dead-lettered with reason ContractViolation and every
        violation. Unknown fields are allowed and ignored.
        """;

    /// <summary>The whole document, in the order it is written.</summary>
    public static JsonObject Build()
    {
        var schemas = new JsonObject();
        var messages = new JsonObject();
        foreach (var name in MessageTypes.Names)
        {
            var schema = SchemaOf(name);
            var title = schema["title"]!.GetValue<string>();
            schemas[title] = new JsonObject { ["schemaFormat"] = SchemaFormat, ["schema"] = schema };
            messages[name] = ContractMessage(name, title, schema);
        }

        var channels = new JsonObject();
        var operations = new JsonObject();
        foreach (var queue in Topology.Queues)
        {
            channels[queue] = ServiceBusChannel(queue, new JsonObject { ["entity"] = "queue" },
                $"Command queue {queue}: {Participants.ProducerOf(queue).Name} → {Participants.ConsumerOfQueue(queue).Name}.");
            Add(operations, Participants.ProducerOf(queue), "send", queue, [queue], new JsonObject { ["entity"] = "queue" });
            Add(operations, Participants.ConsumerOfQueue(queue), "receive", queue, [queue], new JsonObject { ["entity"] = "queue" });
        }

        foreach (var topic in Topology.Topics)
        {
            var subscriptions = Topology.TopicSubscriptions.Where(s => s.Topic == topic).Select(s => s.Subscription).ToList();
            channels[topic] = ServiceBusChannel(topic,
                new JsonObject { ["entity"] = "topic", ["subscriptions"] = new JsonArray([.. subscriptions.Select(s => JsonValue.Create(s))]) },
                subscriptions.Count == 0
                    ? $"Event topic {topic}: {Participants.ProducerOf(topic).Name} → Ordering, on subscriptions ordering owns."
                    : $"Event topic {topic}: {Participants.ProducerOf(topic).Name} → " +
                      string.Join(", ", subscriptions.Select(s => $"{Participants.ConsumerOfSubscription(s).Name} on subscription {s}")) + ".");
            Add(operations, Participants.ProducerOf(topic), "send", topic, [topic], new JsonObject { ["entity"] = "topic" });
            foreach (var subscription in subscriptions)
            {
                Add(operations, Participants.ConsumerOfSubscription(subscription), "receive", topic, [topic],
                    new JsonObject { ["entity"] = "topic", ["subscription"] = subscription });
            }

            if (subscriptions.Count == 0)
            {
                Add(operations, Participants.Ordering, "receive", topic, [topic], new JsonObject { ["entity"] = "topic" });
            }
        }

        HttpInterfaces.AddTo(channels, operations, messages, schemas);

        return new JsonObject
        {
            ["asyncapi"] = "3.1.0",
            ["id"] = "urn:fulfilment:messages",
            ["info"] = new JsonObject
            {
                ["title"] = "Fulfilment",
                ["version"] = ContractVersion,
                ["description"] = Description,
                ["tags"] = new JsonArray([.. Participants.All.Select(p => (JsonNode)Ref($"#/components/tags/{p.Id}"))]),
            },
            ["defaultContentType"] = OutgoingMessage.ContentType,
            ["servers"] = Servers(),
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["messages"] = messages,
                ["tags"] = Tags(),
                ["correlationIds"] = new JsonObject
                {
                    ["order"] = new JsonObject
                    {
                        ["description"] = "Service Bus CorrelationId of what Fulfilment sends: the orderId (the cartId before an order exists).",
                        ["location"] = "$message.payload#/orderId",
                    },
                },
            },
        };
    }

    /// <summary>A reference object.</summary>
    internal static JsonObject Ref(string pointer) => new() { ["$ref"] = pointer };

    /// <summary>The shipped schema of a wire name, parsed.</summary>
    internal static JsonObject SchemaOf(string messageName) => JsonNode.Parse(ContractSchemas.Read(messageName))!.AsObject();

    /// <summary>Adds the operation of <paramref name="participant"/> on a channel, with the channel's messages it uses.</summary>
    internal static JsonObject Add(
        JsonObject operations, Participant participant, string action, string channel, IEnumerable<string> messages, JsonObject? serviceBus = null)
    {
        var operation = new JsonObject
        {
            ["action"] = action,
            ["channel"] = Ref($"#/channels/{channel}"),
            ["title"] = $"{participant.Name} {(action == "send" ? "sends" : "receives")} {channel}",
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)Ref($"#/channels/{channel}/messages/{m}"))]),
            ["tags"] = new JsonArray(Ref($"#/components/tags/{participant.Id}")),
        };
        if (serviceBus is not null)
        {
            operation["x-service-bus"] = serviceBus;
        }

        operations[$"{participant.Id}.{action}.{channel}"] = operation;
        return operation;
    }

    private static JsonObject ContractMessage(string name, string schemaTitle, JsonObject schema)
    {
        var kind = Topology.Queues.Contains(name) ? "command" : Topology.Topics.Contains(name) ? "event" : "query";
        var message = new JsonObject
        {
            ["name"] = name,
            ["title"] = DisplayName(name),
            ["description"] = schema["description"]?.GetValue<string>(),
            ["contentType"] = OutgoingMessage.ContentType,
        };
        if (schema["properties"]?["orderId"] is not null)
        {
            message["correlationId"] = Ref("#/components/correlationIds/order");
        }

        message["payload"] = Ref($"#/components/schemas/{schemaTitle}");
        message["x-message-kind"] = kind;
        return message;
    }

    /// <summary>The catalogue's name of a message: its wire name in PascalCase (<c>get-stock-level</c> → <c>GetStockLevel</c>).</summary>
    internal static string DisplayName(string messageName) =>
        string.Concat(messageName.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static JsonObject ServiceBusChannel(string name, JsonObject serviceBus, string description) => new()
    {
        ["address"] = name,
        ["description"] = description,
        ["servers"] = new JsonArray(Ref($"#/servers/{ServiceBus}")),
        ["messages"] = new JsonObject { [name] = Ref($"#/components/messages/{name}") },
        ["x-service-bus"] = serviceBus,
    };

    private static JsonObject Servers() => new()
    {
        [ServiceBus] = new JsonObject
        {
            ["host"] = "{namespace}.servicebus.windows.net",
            ["protocol"] = "amqps",
            ["protocolVersion"] = "1.0",
            ["title"] = "Azure Service Bus",
            ["description"] = "The Service Bus namespace that infra/ declares: the queues and topics below, with duplicate detection on. Locally the sandbox runs the same flow on an in-process bus.",
            ["variables"] = new JsonObject { ["namespace"] = new JsonObject { ["description"] = "The Service Bus namespace of the environment." } },
        },
        [HttpInterfaces.FunctionApp] = new JsonObject
        {
            ["host"] = "{app}.azurewebsites.net",
            ["protocol"] = "https",
            ["pathname"] = "/api",
            ["title"] = "Fulfilment's Function App",
            ["description"] = "Fulfilment's HTTP endpoints: the stock-level query and the carrier's callbacks.",
            ["variables"] = new JsonObject { ["app"] = new JsonObject { ["description"] = "The Function App of the environment." } },
        },
        [HttpInterfaces.Carrier] = new JsonObject
        {
            ["host"] = "{carrierHost}",
            ["protocol"] = "https",
            ["title"] = "The carrier's API",
            ["description"] = "The carrier's base URL (app setting Shipping:CarrierBaseUrl); paths are relative to it.",
            ["variables"] = new JsonObject { ["carrierHost"] = new JsonObject { ["description"] = "Host (and base path) of Shipping:CarrierBaseUrl." } },
        },
    };

    private static JsonObject Tags()
    {
        var tags = new JsonObject();
        foreach (var participant in Participants.All)
        {
            tags[participant.Id] = new JsonObject
            {
                ["name"] = participant.Id,
                ["description"] = participant.Summary,
                ["x-display-name"] = participant.Name,
                ["x-external"] = participant.IsExternal,
            };
        }

        return tags;
    }
}
