using Azure.Identity;
using Fulfilment.Functions.Hosting;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.ApplicationInsights.WindowsServer.TelemetryChannel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Functions.Tests.Hosting;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddFulfilmentTelemetry_SamplesAdaptively_ButNeverDropsTracesOrExceptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000" })
            .Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddFulfilmentTelemetry(configuration)
            .BuildServiceProvider();

        var processors = provider.GetRequiredService<TelemetryConfiguration>().DefaultTelemetrySink.TelemetryProcessors;

        var sampling = Assert.Single(processors.OfType<AdaptiveSamplingTelemetryProcessor>());
        Assert.Equal(["Event", "Exception", "Trace"], sampling.ExcludedTypes.Split(';').Order(StringComparer.Ordinal));
    }

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
