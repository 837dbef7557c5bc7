namespace Fulfilment.Tests.Infra;

/// <summary>
/// App Service authentication (Entra ID) in front of the picking floor: deployed when an app registration is given,
/// answering 401 to requests without a token, leaving the routes with their own authentication to them, and told to
/// the app (Warehouse__TrustClientPrincipal) exactly when it is deployed.
/// </summary>
public sealed class AuthenticationInBicepTests
{
    [Fact]
    public async Task Authentication_UnauthenticatedRequest_Answers401FromEntraId()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var settings = Assert.Single(template.Module("authentication").ResourcesOfType("Microsoft.Web/sites/config"))["properties"]!;

        Assert.Equal(("Return401", true), ((string?)settings["globalValidation"]!["unauthenticatedClientAction"], (bool?)settings["globalValidation"]!["requireAuthentication"]));
        Assert.True((bool?)settings["identityProviders"]!["azureActiveDirectory"]!["enabled"]);
        Assert.Equal("[parameters('allowedAudiences')]", (string?)settings["identityProviders"]!["azureActiveDirectory"]!["validation"]!["allowedAudiences"]);
    }

    [Fact]
    public async Task Authentication_ExcludedPaths_AreTheRoutesWithTheirOwnAuthenticationAndNotThePickingFloor()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var excluded = template.ModuleStrings("authentication", "excludedPaths");

        Assert.Equal(["/api/carrier/events", "/api/stock/*", "/api/fulfilments/*"], excluded);
        Assert.DoesNotContain(excluded, path => path.StartsWith("/api/picking-jobs", StringComparison.Ordinal) || path.Contains("/api/*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrustClientPrincipal_AppSetting_IsTrueExactlyWhenAuthenticationIsDeployed()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var condition = (string?)template.ModuleDeployment("authentication")["condition"];
        var trust = template.AppSettings()["Warehouse__TrustClientPrincipal"];

        Assert.Equal("[variables('pickingFloorAuthentication')]", condition);
        Assert.Equal("[if(variables('pickingFloorAuthentication'), 'true', 'false')]", trust);
    }
}
