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

    private static ShippingOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddShipping(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ShippingOptions>>().Value;
    }
}
