using Azure.Identity;
using Fulfilment.Functions.Hosting;

namespace Fulfilment.Functions.Tests.Hosting;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD")]
    [InlineData("Authorization=AAD")]
    [InlineData(" authorization = aad ; ")]
    public void TelemetryCredential_EntraAuthentication_IsTheManagedIdentity(string authenticationString)
    {
        var credential = TelemetryServiceCollectionExtensions.TelemetryCredential(authenticationString);

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001")]
    [InlineData("Authorization=None")]
    public void TelemetryCredential_NoEntraAuthentication_IsNone(string? authenticationString)
    {
        var credential = TelemetryServiceCollectionExtensions.TelemetryCredential(authenticationString);

        Assert.Null(credential);
    }
}
