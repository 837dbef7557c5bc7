using Fulfilment.Shipping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fulfilment.Tests.Shipping;

public sealed class ShippingOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Shipping:CarrierBaseUrl"] = "https://carrier.example/api",
        ["Shipping:CarrierApiKey"] = "key",
        ["Shipping:CarrierName"] = "carrier",
        ["Shipping:CallbackSecret"] = "0123456789abcdef0123",
    };

    [Fact]
    public void AddShipping_ValidSettings_BindsWithDefaults()
    {
        var options = Resolve(Valid);

        Assert.Equal((TimeSpan.FromMinutes(5), 3, "X-Api-Key"), (options.CallbackTolerance, options.CarrierMaxRetries, options.CarrierApiKeyHeader));
    }

    [Theory]
    [InlineData("Shipping:CallbackSecret", "")]
    [InlineData("Shipping:CallbackSecret", "too-short")]
    [InlineData("Shipping:CarrierApiKey", "")]
    [InlineData("Shipping:CarrierBaseUrl", "not a url")]
    [InlineData("Shipping:CarrierAttemptTimeout", "00:01:00")]
    [InlineData("Shipping:PreviousCallbackSecret", "0123456789abcdef0123")]
    [InlineData("Shipping:CarrierMaxRetries", "0")]
    [InlineData("Shipping:CallbackSecret", "@Microsoft.KeyVault(SecretUri=https://kv-fulfil.vault.azure.net/secrets/carrier-callback-secret/)")]
    [InlineData("Shipping:PreviousCallbackSecret", "@Microsoft.KeyVault(VaultName=kv-fulfil;SecretName=carrier-callback-secret;SecretVersion=0a1b)")]
    [InlineData("Shipping:CarrierApiKey", "@Microsoft.KeyVault(SecretUri=https://kv-fulfil.vault.azure.net/secrets/carrier-api-key/)")]
    public void AddShipping_InvalidSetting_FailsValidation(string key, string value)
    {
        var settings = new Dictionary<string, string?>(Valid) { [key] = value };

        Assert.Throws<OptionsValidationException>(() => Resolve(settings));
    }

    [Theory]
    [InlineData("http://carrier.example/api")]
    [InlineData("http://10.0.0.4/api")]
    [InlineData("http://localhost.carrier.example/api")]
    [InlineData("ftp://carrier.example/api")]
    public void AddShipping_CarrierBaseUrlNotHttpsOffLoopback_FailsNamingTheRule(string url)
    {
        var settings = new Dictionary<string, string?>(Valid) { ["Shipping:CarrierBaseUrl"] = url };

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains("Shipping:CarrierBaseUrl must be an https:// address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://carrier.example/api")]
    [InlineData("http://localhost:7081/carrier")]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://[::1]:8080/")]
    public void AddShipping_CarrierBaseUrlHttpsOrLoopback_IsAccepted(string url)
    {
        var settings = new Dictionary<string, string?>(Valid) { ["Shipping:CarrierBaseUrl"] = url };

        var options = Resolve(settings);

        Assert.Equal(url, options.CarrierBaseUrl);
    }

    private static ShippingOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddShipping(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ShippingOptions>>().Value;
    }
}
