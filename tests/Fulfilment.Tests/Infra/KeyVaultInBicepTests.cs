namespace Fulfilment.Tests.Infra;

/// <summary>Key Vault purge protection is on unless a deployment turns it off on purpose.</summary>
public sealed class KeyVaultInBicepTests
{
    [Fact]
    public async Task PurgeProtection_MainBicepDefault_IsOn()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var parameter = template.Parameter("keyVaultPurgeProtection");

        Assert.True((bool?)parameter["defaultValue"]);
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", (string?)template.ModuleParameter("keyvault", "enablePurgeProtection"));
    }

    [Fact]
    public async Task PurgeProtection_AzdDeploymentSettingNothing_IsOn()
    {
        var parameters = await BicepBuilds.AzdParameterDefaultsAsync();

        Assert.True((bool?)parameters["keyVaultPurgeProtection"]?["value"]);
    }
}
