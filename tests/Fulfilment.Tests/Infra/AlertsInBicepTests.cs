using Fulfilment.Workflow;

namespace Fulfilment.Tests.Infra;

/// <summary>An alert on dead-lettered messages and one on fulfilments ending CompensationFailed, both to the action group.</summary>
public sealed class AlertsInBicepTests
{
    [Fact]
    public async Task DeadLetterAlert_ServiceBusNamespace_FiresPerEntityOnAnyDeadLetteredMessage()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var alert = Assert.Single(template.Module("alerts").ResourcesOfType("Microsoft.Insights/metricAlerts"));

        var criterion = Assert.Single(alert["properties"]!["criteria"]!["allOf"]!.AsArray())!;
        Assert.Equal(
            ("Microsoft.ServiceBus/namespaces", "DeadletteredMessages", "GreaterThan", 0, "EntityName"),
            ((string?)criterion["metricNamespace"], (string?)criterion["metricName"], (string?)criterion["operator"], (int?)criterion["threshold"],
                (string?)criterion["dimensions"]![0]!["name"]));
        Assert.Equal("[parameters('serviceBusNamespaceId')]", (string?)alert["properties"]!["scopes"]![0]);
        Assert.Contains("'servicebus'", template.ModuleParameterText("alerts", "serviceBusNamespaceId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompensationFailedAlert_AppLogsInTheWorkspace_MatchesTheWorkflowsTerminalOutcome()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var alert = Assert.Single(template.Module("alerts").ResourcesOfType("Microsoft.Insights/scheduledQueryRules"));

        var query = (string?)alert["properties"]!["criteria"]!["allOf"]![0]!["query"];
        Assert.Contains($"tostring(Properties.Outcome) == \"{nameof(FulfilmentOutcome.CompensationFailed)}\"", query, StringComparison.Ordinal);
        Assert.StartsWith("AppTraces", query, StringComparison.Ordinal);
        Assert.Equal("[parameters('workspaceId')]", (string?)alert["properties"]!["scopes"]![0]);
        Assert.Contains("'monitoring'", template.ModuleParameterText("alerts", "workspaceId"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.Insights/metricAlerts")]
    [InlineData("Microsoft.Insights/scheduledQueryRules")]
    public async Task Alert_WithAnAlertAddress_NotifiesTheActionGroup(string alertType)
    {
        var template = await BicepBuilds.MainTemplateAsync();
        var alerts = template.Module("alerts");

        var actions = Assert.Single(alerts.ResourcesOfType(alertType))["properties"]!["actions"]!.ToJsonString();

        Assert.Contains("Microsoft.Insights/actionGroups", actions, StringComparison.Ordinal);
        Assert.Single(alerts.ResourcesOfType("Microsoft.Insights/actionGroups"));
    }
}
