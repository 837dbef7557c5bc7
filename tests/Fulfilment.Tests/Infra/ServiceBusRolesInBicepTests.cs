using System.Text.Json;
using Fulfilment.Contracts;
using Fulfilment.Tests.Sandbox;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// The app may send only to the queues and topics it publishes to (<see cref="Topology.PublishedQueues"/>,
/// <see cref="Topology.PublishedTopics"/>), never to ordering's, and never with a namespace-wide role.
/// </summary>
public sealed class ServiceBusRolesInBicepTests
{
    [Fact]
    public async Task SendRole_Queues_AreTopologyPublishedQueues()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var queues = template.ModuleStrings("app-roles", "sendQueues");

        Assert.Equal(Topology.PublishedQueues.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendRole_Topics_AreTopologyPublishedTopics()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var topics = template.ModuleStrings("app-roles", "sendTopics");

        Assert.Equal(Topology.PublishedTopics.Order(StringComparer.Ordinal), topics.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendRole_EveryAssignment_IsScopedToOneQueueOrTopicNeverTheNamespace()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var senders = template.Module("app-roles").ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string?)r["properties"]!["roleDefinitionId"] ?? "").Contains("serviceBusDataSender", StringComparison.Ordinal))
            .Select(r => ((string?)r["scope"], (string?)r["copy"]?["count"]))
            .ToList();

        Assert.Equal(
            [
                ("[resourceId('Microsoft.ServiceBus/namespaces/queues', parameters('serviceBusNamespaceName'), parameters('sendQueues')[copyIndex()])]", "[length(parameters('sendQueues'))]"),
                ("[resourceId('Microsoft.ServiceBus/namespaces/topics', parameters('serviceBusNamespaceName'), parameters('sendTopics')[copyIndex()])]", "[length(parameters('sendTopics'))]"),
            ],
            senders.Order());
    }

    [Fact]
    public void SendRole_EveryMessageTheReplayScenariosPublish_IsCovered()
    {
        var published = Directory.GetFiles(ScenarioFiles.Folder, "*.expected.json")
            .SelectMany(path => PublishedNames(File.ReadAllText(path)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(published);
        Assert.All(published, name => Assert.Contains(name, Topology.PublishedQueues.Concat(Topology.PublishedTopics)));
    }

    private static IEnumerable<string> PublishedNames(string expected)
    {
        using var document = JsonDocument.Parse(expected);
        return document.RootElement.TryGetProperty("published", out var published)
            ? [.. published.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()! : p.GetProperty("name").GetString()!)]
            : [];
    }
}
