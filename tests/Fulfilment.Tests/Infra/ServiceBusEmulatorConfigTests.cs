using System.Text.Json.Nodes;
using Fulfilment.Contracts;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// docker/servicebus-emulator/config.json declares <see cref="Topology"/>. The emulator insists on at least one
/// subscription per topic, so a topic only ordering consumes gets a stand-in "ordering" subscription, where
/// what Fulfilment publishes locally can be read.
/// </summary>
public sealed class ServiceBusEmulatorConfigTests
{
    private const string OrderingStandIn = "ordering";

    [Fact]
    public void Queues_InEmulatorConfig_AreTopologyQueues()
    {
        var emulatorNamespace = Namespace();

        var queues = Names(emulatorNamespace["Queues"]!);

        Assert.Equal(Topology.Queues.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Topics_InEmulatorConfig_AreTopologyTopics()
    {
        var emulatorNamespace = Namespace();

        var topics = Names(emulatorNamespace["Topics"]!);

        Assert.Equal(Topology.Topics.Order(StringComparer.Ordinal), topics.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Subscriptions_InEmulatorConfig_AreTopologySubscriptionsPlusOrderingStandIns()
    {
        var consumedByFulfilment = Topology.TopicSubscriptions.Select(s => s.Topic).ToHashSet(StringComparer.Ordinal);
        var expected = Topology.TopicSubscriptions.Select(s => $"{s.Topic}/{s.Subscription}")
            .Concat(Topology.Topics.Where(t => !consumedByFulfilment.Contains(t)).Select(t => $"{t}/{OrderingStandIn}"));

        var subscriptions = Namespace()["Topics"]!.AsArray()
            .SelectMany(t => Names(t!["Subscriptions"]!).Select(s => $"{(string)t["Name"]!}/{s}"));

        Assert.Equal(expected.Order(StringComparer.Ordinal), subscriptions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Entities_InEmulatorConfig_DetectDuplicates()
    {
        var emulatorNamespace = Namespace();

        var without = emulatorNamespace["Queues"]!.AsArray().Concat(emulatorNamespace["Topics"]!.AsArray())
            .Where(e => (bool?)e!["Properties"]?["RequiresDuplicateDetection"] != true)
            .Select(e => (string)e!["Name"]!);

        Assert.Empty(without);
    }

    private static JsonNode Namespace() =>
        JsonNode.Parse(File.ReadAllText(InfraFiles.EmulatorConfig))!["UserConfig"]!["Namespaces"]!.AsArray().Single()!;

    private static IEnumerable<string> Names(JsonNode entities) => entities.AsArray().Select(e => (string)e!["Name"]!);
}
