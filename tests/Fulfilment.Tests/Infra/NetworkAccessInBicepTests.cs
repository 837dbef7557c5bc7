namespace Fulfilment.Tests.Infra;

/// <summary>
/// One parameter closes storage, Key Vault and Service Bus to public networks; the app then reaches them through
/// private endpoints in a network the template creates. Open by default (a first deployment must upload the app).
/// </summary>
public sealed class NetworkAccessInBicepTests
{
    [Fact]
    public async Task PublicNetworkAccess_Parameter_AllowsClosingAndDefaultsOpen()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var parameter = template.Parameter("publicNetworkAccess");

        Assert.Equal(["Enabled", "Disabled"], parameter["allowedValues"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("Enabled", (string?)parameter["defaultValue"]);
    }

    [Theory]
    [InlineData("storage", "Microsoft.Storage/storageAccounts")]
    [InlineData("keyvault", "Microsoft.KeyVault/vaults")]
    [InlineData("servicebus", "Microsoft.ServiceBus/namespaces")]
    public async Task PublicNetworkAccess_EachDataService_FollowsTheParameter(string module, string resourceType)
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var service = Assert.Single(template.Module(module).ResourcesOfType(resourceType));

        Assert.Equal("[parameters('publicNetworkAccess')]", (string?)service["properties"]!["publicNetworkAccess"]);
        Assert.Equal("[parameters('publicNetworkAccess')]", (string?)template.ModuleParameter(module, "publicNetworkAccess"));
    }

    [Fact]
    public async Task PrivateNetwork_WhenClosed_HasAnEndpointForEveryDataService()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var endpoints = template.ModuleParameter("network", "endpoints").AsArray()
            .Select(e => $"{(string?)e!["resourceType"]}:{(string?)e["groupId"]}");

        Assert.Equal(
            ["Microsoft.KeyVault/vaults:vault", "Microsoft.ServiceBus/namespaces:namespace", "Microsoft.Storage/storageAccounts:blob",
                "Microsoft.Storage/storageAccounts:queue", "Microsoft.Storage/storageAccounts:table"],
            endpoints.Order(StringComparer.Ordinal));
        Assert.Equal("[variables('privateNetwork')]", (string?)template.ModuleDeployment("network")["condition"]);
    }

    [Fact]
    public async Task PrivateNetwork_WhenClosed_TheAppJoinsItsSubnet()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var subnet = template.ModuleParameterText("functionapp", "virtualNetworkSubnetId");

        Assert.Contains("outputs.appSubnetId", subnet, StringComparison.Ordinal);
        Assert.Contains("virtualNetworkSubnetId", template.Module("functionapp").ResourcesOfType("Microsoft.Web/sites")[0]["properties"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateNetwork_WithStandardServiceBus_FailsTheDeploymentWithTheReason()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var sku = template.ModuleParameterText("servicebus", "skuName");

        Assert.Contains("fail('publicNetworkAccess Disabled needs serviceBusSku Premium", sku, StringComparison.Ordinal);
    }
}
