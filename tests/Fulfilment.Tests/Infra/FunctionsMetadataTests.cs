using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// The Function App as its build generated it (functions.metadata): every expected function with its trigger, Service
/// Bus triggers on the <see cref="Topology"/>'s entities, settling their messages themselves, on the connection the
/// Bicep configures. The Service Bus triggers exist only in a build with <c>-p:ServiceBusTriggers=true</c> (the GitHub
/// workflow): the constant SERVICE_BUS_TRIGGERS says whether this build had them.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private const string Http = "httpTrigger";
    private const string Timer = "timerTrigger";
    private const string ServiceBus = "serviceBusTrigger";
    private const string Orchestration = "orchestrationTrigger";
    private const string Activity = "activityTrigger";

    private static readonly (string Name, string Trigger, string? Entity)[] Always =
    [
        ("GetStock", Http, null),
        ("PutStock", Http, null),
        ("ListPickingJobs", Http, null),
        ("StartPicking", Http, null),
        ("PackPickingJob", Http, null),
        ("ReportShortPick", Http, null),
        ("ReceiveCarrierEvent", Http, null),
        ("GetFulfilment", Http, null),
        ("ExpireReservations", Timer, null),
        ("PurgeFulfilmentHistory", Timer, null),
        ("DrainOutboxes", Timer, null),
        .. WorkflowRegistration.OrchestratorNames.Select(name => (name, Orchestration, (string?)null)),
        .. WorkflowRegistration.ActivityNames.Select(name => (name, Activity, (string?)null)),
    ];

#if SERVICE_BUS_TRIGGERS
    private static readonly (string Name, string Trigger, string? Entity)[] ServiceBusTriggers =
    [
        ("ReserveInventory", ServiceBus, MessageNames.ReserveInventory),
        ("ReleaseInventory", ServiceBus, MessageNames.ReleaseInventory),
        ("CreateShipment", ServiceBus, MessageNames.CreateShipment),
        ("OrderReadyForShipping", ServiceBus, $"{MessageNames.OrderReadyForShipping}/{Topology.Subscriptions.Shipping}"),
        ("OrderCompleted", ServiceBus, $"{MessageNames.OrderCompleted}/{Topology.Subscriptions.Fulfilment}"),
        ("OrderCancelled", ServiceBus, $"{MessageNames.OrderCancelled}/{Topology.Subscriptions.Fulfilment}"),
        ("OrderPacked", ServiceBus, $"{MessageNames.OrderPacked}/{Topology.Subscriptions.Workflow}"),
        ("OrderShortPicked", ServiceBus, $"{MessageNames.OrderShortPicked}/{Topology.Subscriptions.Workflow}"),
        ("ShipmentCreated", ServiceBus, $"{MessageNames.ShipmentCreated}/{Topology.Subscriptions.Workflow}"),
        ("ShipmentDelivered", ServiceBus, $"{MessageNames.ShipmentDelivered}/{Topology.Subscriptions.Workflow}"),
        ("ShipmentFailed", ServiceBus, $"{MessageNames.ShipmentFailed}/{Topology.Subscriptions.Workflow}"),
        ("ShipmentRejected", ServiceBus, $"{MessageNames.ShipmentRejected}/{Topology.Subscriptions.Workflow}"),
    ];

    private static readonly (string Name, string Trigger, string? Entity)[] Expected = [.. Always, .. ServiceBusTriggers];
#else
    private static readonly (string Name, string Trigger, string? Entity)[] Expected = Always;
#endif

    [Fact]
    public void Functions_InMetadata_AreTheExpectedOnesWithTheirTriggers()
    {
        var functions = FunctionsMetadata.All;

        var actual = functions.Select(f => (f.Name, f.TriggerType, f.ServiceBusEntity));

        Assert.Equal(Expected.Order(), actual.Order());
    }

    [Fact]
    public void ServiceBusTriggers_InMetadata_ListenOnTopologyEntities()
    {
        var entities = Topology.Queues.Concat(Topology.TopicSubscriptions.Select(s => $"{s.Topic}/{s.Subscription}")).ToHashSet(StringComparer.Ordinal);

        var outside = FunctionsMetadata.All.Where(f => f.TriggerType == ServiceBus && !entities.Contains(f.ServiceBusEntity!));

        Assert.Empty(outside.Select(f => f.Name));
    }

    [Fact]
    public void ServiceBusTriggers_InMetadata_SettleTheirMessagesThemselves()
    {
        var autoCompleting = FunctionsMetadata.All.Where(f => f.TriggerType == ServiceBus && (bool?)f.Trigger["autoCompleteMessages"] != false);

        Assert.Empty(autoCompleting.Select(f => f.Name));
    }

    [Fact]
    public async Task ServiceBusTriggers_InMetadata_UseTheConnectionTheBicepSetsIdentityBased()
    {
        var settings = (await BicepBuilds.MainTemplateAsync()).AppSettings();
        var connections = FunctionsMetadata.All.Where(f => f.TriggerType == ServiceBus).Select(f => (string)f.Trigger["connection"]!).Distinct().ToList();

        var notInBicep = connections.Where(c =>
            !settings.ContainsKey($"{c}__fullyQualifiedNamespace") || settings.GetValueOrDefault($"{c}__{AppSetting.CredentialKey}") != "managedidentity");

        Assert.Empty(notInBicep);
#if SERVICE_BUS_TRIGGERS
        Assert.Equal([AppSettings.ServiceBusConnection], connections);
#endif
    }

    [Fact]
    public void HttpTriggers_InMetadata_NeedAFunctionKey()
    {
        var open = FunctionsMetadata.All.Where(f => f.TriggerType == Http && (string?)f.Trigger["authLevel"] != "Function");

        Assert.Empty(open.Select(f => f.Name));
    }

    [Fact]
    public void WorkflowClients_InMetadata_AreTheTaskHubOfHostJson()
    {
        string[] expected =
        [
            "GetFulfilment", "PurgeFulfilmentHistory",
#if SERVICE_BUS_TRIGGERS
            "ReleaseInventory", "OrderCompleted", "OrderCancelled", "OrderPacked", "OrderShortPicked",
            "ShipmentCreated", "ShipmentDelivered", "ShipmentFailed", "ShipmentRejected",
#endif
        ];

        var clients = FunctionsMetadata.All.SelectMany(f => f.Bindings.Where(b => (string?)b["type"] == "durableClient").Select(b => (f.Name, Binding: b))).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), clients.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(clients, c => Assert.Null(c.Binding["taskHub"] ?? c.Binding["connectionName"]));
    }

#if SERVICE_BUS_TRIGGERS
    [Fact]
    public void ServiceBusTriggers_InMetadata_ConsumeEveryQueueAndSubscriptionOnce()
    {
        var consumed = FunctionsMetadata.All.Where(f => f.TriggerType == ServiceBus).Select(f => f.ServiceBusEntity!).ToList();

        var all = Topology.Queues.Concat(Topology.TopicSubscriptions.Select(s => $"{s.Topic}/{s.Subscription}"));

        Assert.Equal(all.Order(StringComparer.Ordinal), consumed.Order(StringComparer.Ordinal));
    }
#endif
}
