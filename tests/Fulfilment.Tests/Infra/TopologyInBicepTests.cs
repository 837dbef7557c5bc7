using Fulfilment.Contracts;

namespace Fulfilment.Tests.Infra;

/// <summary>The Service Bus entities main.bicep deploys are exactly <see cref="Topology"/>.</summary>
public sealed class TopologyInBicepTests
{
    [Fact]
    public async Task Queues_InBicep_AreTopologyQueues()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var queues = template.ModuleStrings("servicebus", "queues");

        Assert.Equal(Topology.Queues.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Topics_InBicep_AreTopologyTopics()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var topics = template.ModuleStrings("servicebus", "topics");

        Assert.Equal(Topology.Topics.Order(StringComparer.Ordinal), topics.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Subscriptions_InBicep_AreTopologySubscriptions()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var subscriptions = template.ModuleParameter("servicebus", "subscriptions").AsArray()
            .Select(s => new TopicSubscription((string)s!["topic"]!, (string)s["name"]!));

        Assert.Equal(Ordered(Topology.TopicSubscriptions), Ordered(subscriptions));
    }

    [Fact]
    public async Task SubscriptionRules_InBicep_LetAResubmissionReachOnlyTheSubscriptionItNames()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var rule = Assert.Single(template.Module("servicebus").ResourcesOfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules"));

        Assert.Equal("[length(parameters('subscriptions'))]", (string?)rule["copy"]?["count"]);
        Assert.EndsWith("parameters('subscriptions')[copyIndex()].name, '$Default')]", (string?)rule["name"], StringComparison.Ordinal);
        Assert.Equal("SqlFilter", (string?)rule["properties"]?["filterType"]);
        Assert.Equal(
            $"[format('NOT EXISTS(user.{Topology.ResubmitToProperty}) OR user.{Topology.ResubmitToProperty} = ''{{0}}''', parameters('subscriptions')[copyIndex()].name)]",
            (string?)rule["properties"]?["sqlFilter"]?["sqlExpression"]);
    }

    private static List<string> Ordered(IEnumerable<TopicSubscription> subscriptions) =>
        [.. subscriptions.Select(s => $"{s.Topic}/{s.Subscription}").Order(StringComparer.Ordinal)];
}
