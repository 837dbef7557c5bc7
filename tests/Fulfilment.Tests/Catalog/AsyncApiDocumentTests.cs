using System.Text.Json.Nodes;
using Fulfilment.Catalog;
using Fulfilment.Contracts;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Shipping;

namespace Fulfilment.Tests.Catalog;

/// <summary>
/// The AsyncAPI document is the code's: every queue, topic, subscription and message of the contracts is in it,
/// nothing else is on Service Bus, and the committed docs/catalog/asyncapi.yaml is exactly what the generator writes.
/// </summary>
public sealed class AsyncApiDocumentTests
{
    private static readonly JsonObject Document = AsyncApiDocument.Build();

    [Fact]
    public void Render_CommittedDocument_IsTheGeneratorsOutput()
    {
        var committed = File.ReadAllText(Path.Combine(AzuriteProcess.FindRepositoryRoot(), AsyncApiYaml.RelativePath));

        var generated = AsyncApiYaml.Render();

        Assert.True(committed == generated,
            $"{AsyncApiYaml.RelativePath} differs from the generator's output{FirstDifference(committed, generated)}. " +
            "Regenerate it: dotnet run --project tools/Fulfilment.Catalog");
    }

    [Fact]
    public void Build_ServiceBusChannels_AreExactlyTheQueuesAndTopics()
    {
        var serviceBus = Channels().Where(c => c.Value["x-service-bus"] is not null).ToList();

        Assert.Equal(
            Topology.Queues.Select(q => $"{q}=queue").Concat(Topology.Topics.Select(t => $"{t}=topic")).Order(StringComparer.Ordinal),
            serviceBus.Select(c => $"{c.Value["address"]}={c.Value["x-service-bus"]!["entity"]}").Order(StringComparer.Ordinal));
        Assert.All(serviceBus, c => Assert.Equal(c.Key, (string)c.Value["address"]!));
    }

    [Fact]
    public void Build_TopicChannels_ListTopologySubscriptions()
    {
        var listed = Channels()
            .Where(c => (string?)c.Value["x-service-bus"]?["entity"] == "topic")
            .SelectMany(c => c.Value["x-service-bus"]!["subscriptions"]!.AsArray().Select(s => $"{c.Key}/{s}"));

        Assert.Equal(Subscriptions(Topology.TopicSubscriptions), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_ReceiveOperationsOnSubscriptions_AreOnePerTopologySubscription()
    {
        var receives = Operations()
            .Where(o => (string)o["action"]! == "receive" && o["x-service-bus"]?["subscription"] is not null)
            .Select(o => $"{ChannelOf(o)}/{o["x-service-bus"]!["subscription"]}");

        Assert.Equal(Subscriptions(Topology.TopicSubscriptions), receives.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_EveryQueueAndTopic_HasOneSenderAndAReceiver()
    {
        foreach (var entity in Topology.Queues.Concat(Topology.Topics))
        {
            var onChannel = Operations().Where(o => ChannelOf(o) == entity).ToList();

            Assert.Single(onChannel, o => (string)o["action"]! == "send");
            Assert.Contains(onChannel, o => (string)o["action"]! == "receive");
        }
    }

    [Fact]
    public void Build_EveryMessageName_CarriesItsShippedSchemaAsDraft07()
    {
        var schemas = Document["components"]!["schemas"]!;

        foreach (var name in MessageTypes.Names)
        {
            var message = Document["components"]!["messages"]![name]!;
            var payload = schemas[((string)message["payload"]!["$ref"]!).Split('/')[^1]]!;

            Assert.Equal(name, (string)message["name"]!);
            Assert.Equal(AsyncApiDocument.SchemaFormat, (string)payload["schemaFormat"]!);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractSchemas.Read(name)), payload["schema"]), $"{name}: the payload is not its shipped schema");
        }
    }

    [Theory]
    [InlineData(MessageNames.ReserveInventory, "command")]
    [InlineData(MessageNames.OrderPacked, "event")]
    [InlineData(MessageNames.GetStockLevel, "query")]
    public void Build_MessageKind_FollowsTheTransport(string name, string kind)
    {
        var message = Document["components"]!["messages"]![name]!;

        Assert.Equal(kind, (string)message["x-message-kind"]!);
    }

    [Theory]
    [InlineData(MessageNames.GetStockLevel, "GetStockLevel")]
    [InlineData(MessageNames.OrderCancellationRefused, "OrderCancellationRefused")]
    public void Build_MessageTitle_IsTheWireNameInPascalCase(string name, string title)
    {
        var message = Document["components"]!["messages"]![name]!;

        Assert.Equal(title, (string)message["title"]!);
    }

    [Fact]
    public void Build_EveryOperation_IsTaggedWithOneParticipant()
    {
        var tags = Participants.All.Select(p => $"#/components/tags/{p.Id}").ToHashSet();

        Assert.All(Operations(), o => Assert.Contains((string)Assert.Single(o["tags"]!.AsArray())!["$ref"]!, tags));
    }

    [Fact]
    public void Build_MessageReferences_PointIntoTheirOperationsChannel()
    {
        foreach (var operation in Operations())
        {
            var references = operation["messages"]!.AsArray().Concat(operation["reply"]?["messages"]?.AsArray() ?? []);

            Assert.All(references, m => Assert.StartsWith($"#/channels/{ChannelOf(operation)}/messages/", (string)m!["$ref"]!, StringComparison.Ordinal));
            Assert.All(references, m => Assert.NotNull(Document["channels"]![ChannelOf(operation)]!["messages"]![((string)m!["$ref"]!).Split('/')[^1]]));
        }
    }

    [Fact]
    public void Build_GetStockLevel_IsAnHttpGetAnsweredWithTheStockLevel()
    {
        var operation = Document["operations"]!["inventory.receive.stock-level"]!;

        Assert.Equal("GET", (string)operation["bindings"]!["http"]!["method"]!);
        Assert.Equal("/stock/{productId}", (string)Document["channels"]!["stock-level"]!["address"]!);
        Assert.Equal("#/channels/stock-level/messages/get-stock-level", (string)operation["reply"]!["messages"]![0]!["$ref"]!);
    }

    [Fact]
    public void Build_CarrierCallbacks_RequireTheSignatureHeaders()
    {
        var message = Document["components"]!["messages"]!["carrier-shipment-delivered"]!;

        Assert.Equal(MessageNames.ShipmentDelivered, (string)message["name"]!);
        Assert.Equal(["X-Carrier-Timestamp", "X-Carrier-Signature"], message["headers"]!["required"]!.AsArray().Select(h => (string)h!));
    }

    [Fact]
    public void Build_CarrierCancel_IsAPostAnsweredCancelledOrTooLateWithTheClientsStatuses()
    {
        var operation = Document["operations"]!["shipping.send.carrier-shipment-cancel"]!;
        var messages = Document["components"]!["messages"]!;

        Assert.Equal("POST", (string)operation["bindings"]!["http"]!["method"]!);
        Assert.Equal("/shipments/{orderId}/cancel", (string)Document["channels"]!["carrier-shipment-cancel"]!["address"]!);
        Assert.Equal(
            [("#/channels/carrier-shipment-cancel/messages/carrier-cancel-accepted", 200), ("#/channels/carrier-shipment-cancel/messages/carrier-cancel-too-late", 409)],
            operation["reply"]!["messages"]!.AsArray().Select(m => ((string)m!["$ref"]!, (int)messages[((string)m["$ref"]!).Split('/')[^1]]!["bindings"]!["http"]!["statusCode"]!)));
        Assert.Equal(
            [CarrierClient.CancelledStatus, CarrierClient.TooLateStatus],
            Document["components"]!["schemas"]!["CarrierCancelStatus"]!["schema"]!["properties"]!["status"]!["enum"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void Build_CreateShipment_MayBeAnsweredKeyCancelled()
    {
        var replies = Document["operations"]!["shipping.send.carrier-shipments"]!["reply"]!["messages"]!.AsArray().Select(m => (string)m!["$ref"]!);

        Assert.Contains("#/channels/carrier-shipments/messages/carrier-shipment-cancelled", replies);
        Assert.Equal(409, (int)Document["components"]!["messages"]!["carrier-shipment-cancelled"]!["bindings"]!["http"]!["statusCode"]!);
    }

    private static IEnumerable<(string Key, JsonNode Value)> Channels() => Document["channels"]!.AsObject().Select(c => (c.Key, c.Value!));

    private static IEnumerable<JsonNode> Operations() => Document["operations"]!.AsObject().Select(o => o.Value!);

    private static string ChannelOf(JsonNode operation) => ((string)operation["channel"]!["$ref"]!).Split('/')[^1];

    private static List<string> Subscriptions(IEnumerable<TopicSubscription> subscriptions) =>
        [.. subscriptions.Select(s => $"{s.Topic}/{s.Subscription}").Order(StringComparer.Ordinal)];

    private static string FirstDifference(string committed, string generated)
    {
        var left = committed.Split('\n');
        var right = generated.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "(end of file)";
            var r = i < right.Length ? right[i] : "(end of file)";
            if (l != r)
            {
                return $" (line {i + 1}: committed '{l.Trim()}', generated '{r.Trim()}')";
            }
        }

        return "";
    }
}
