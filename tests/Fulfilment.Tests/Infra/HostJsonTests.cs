using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fulfilment.Configuration;

namespace Fulfilment.Tests.Infra;

/// <summary>host.json takes environment-specific values from app settings the catalogue names.</summary>
public sealed partial class HostJsonTests
{
    [Fact]
    public void HostJson_AppSettingReferences_AreInTheCatalogue()
    {
        var text = File.ReadAllText(InfraFiles.HostJson);

        var unknown = AppSettingReference().Matches(text).Select(m => m.Groups["name"].Value)
            .Where(name => !AppSettings.All.Any(s => s.Name == name));

        Assert.Empty(unknown);
    }

    [Fact]
    public void HostJson_TaskHub_ComesFromTheTaskHubSetting()
    {
        var durable = JsonNode.Parse(File.ReadAllText(InfraFiles.HostJson))!["extensions"]!["durableTask"]!;

        var hubName = (string?)durable["hubName"];

        Assert.Equal($"%{AppSettings.TaskHubName}%", hubName);
    }

    [Fact]
    public void HostJson_DurableStorage_IsTheHostStorageConnection()
    {
        var provider = JsonNode.Parse(File.ReadAllText(InfraFiles.HostJson))!["extensions"]!["durableTask"]!["storageProvider"]!;

        var connection = ((string?)provider["type"], (string?)provider["connectionName"]);

        Assert.Equal(("AzureStorage", AppSettings.HostStorage), connection);
    }

    [Fact]
    public void HostJson_ServiceBus_LeavesSettlementToTheFunctions()
    {
        var serviceBus = JsonNode.Parse(File.ReadAllText(InfraFiles.HostJson))!["extensions"]!["serviceBus"]!;

        var autoComplete = (bool?)serviceBus["autoCompleteMessages"];

        Assert.False(autoComplete);
    }

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex AppSettingReference();
}
