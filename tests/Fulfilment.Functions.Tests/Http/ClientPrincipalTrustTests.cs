using Fulfilment.Functions.Http;

namespace Fulfilment.Functions.Tests.Http;

/// <summary>
/// When the picking floor believes X-MS-CLIENT-PRINCIPAL: only when the setting says App Service authentication is
/// deployed and, on App Service, the platform says it is on now.
/// </summary>
public sealed class ClientPrincipalTrustTests
{
    [Theory]
    [InlineData(true, null, null)] // local development: the setting decides
    [InlineData(true, "", null)]
    [InlineData(true, "func-fulfilment", "True")]
    [InlineData(true, "func-fulfilment", "true")]
    public void Distrust_SettingOnAndAuthenticationOn_BelievesTheHeader(bool setting, string? siteName, string? authEnabled)
    {
        Assert.Null(ClientPrincipal.Distrust(setting, siteName, authEnabled));
    }

    [Theory]
    [InlineData("func-fulfilment", null)] // authentication not (yet) applied, or switched off in the portal
    [InlineData("func-fulfilment", "False")]
    [InlineData("func-fulfilment", "")]
    public void Distrust_OnAppServiceWithAuthenticationOff_RefusesTheHeaderNamingWhy(string siteName, string? authEnabled)
    {
        Assert.Contains("WEBSITE_AUTH_ENABLED is not True", ClientPrincipal.Distrust(true, siteName, authEnabled), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("func-fulfilment", "True")]
    public void Distrust_SettingOff_RefusesTheHeaderWhateverThePlatformSays(string? siteName, string? authEnabled)
    {
        Assert.Contains("TrustClientPrincipal is false", ClientPrincipal.Distrust(false, siteName, authEnabled), StringComparison.Ordinal);
    }
}
