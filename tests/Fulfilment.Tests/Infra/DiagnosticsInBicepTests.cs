using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Infra;

/// <summary>Key Vault's audit log, Service Bus's logs and the Function App's logs go to the Log Analytics workspace.</summary>
public sealed class DiagnosticsInBicepTests
{
    [Theory]
    [InlineData("Microsoft.KeyVault/vaults", "audit")]
    [InlineData("Microsoft.ServiceBus/namespaces", "allLogs")]
    [InlineData("Microsoft.Web/sites", "allLogs")]
    public async Task DiagnosticSettings_Target_SendsItsLogsAndMetricsToTheWorkspace(string targetType, string categoryGroup)
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var setting = SettingOn(template.Module("diagnostics"), targetType);

        var logs = setting["properties"]!["logs"]!.AsArray();
        Assert.Contains(logs, l => (string?)l!["categoryGroup"] == categoryGroup && (bool?)l["enabled"] == true);
        Assert.Equal("[parameters('workspaceId')]", (string?)setting["properties"]!["workspaceId"]);
        Assert.Contains(setting["properties"]!["metrics"]!.AsArray(), m => (string?)m!["category"] == "AllMetrics" && (bool?)m["enabled"] == true);
    }

    [Fact]
    public async Task Diagnostics_Workspace_IsTheMonitoringModulesWorkspace()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var workspace = template.ModuleParameterText("diagnostics", "workspaceId");

        Assert.Contains("'monitoring'", workspace, StringComparison.Ordinal);
        Assert.Contains(".outputs.workspaceId.value", workspace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keyVaultName", "keyvault", "name")]
    [InlineData("serviceBusNamespaceName", "servicebus", "name")]
    [InlineData("functionAppName", "functionapp", "name")]
    public async Task Diagnostics_Targets_AreTheResourcesTheTemplateDeploys(string diagnosticsParameter, string module, string moduleParameter)
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var target = template.ModuleParameterText("diagnostics", diagnosticsParameter);

        Assert.Equal(template.ModuleParameterText(module, moduleParameter), target);
    }

    private static JsonObject SettingOn(CompiledTemplate diagnostics, string targetType) =>
        Assert.Single(
            diagnostics.ResourcesOfType("Microsoft.Insights/diagnosticSettings"),
            s => ((string?)s["scope"] ?? "").Contains($"'{targetType}'", StringComparison.Ordinal));
}
