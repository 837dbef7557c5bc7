using Fulfilment.Configuration;

namespace Fulfilment.Tests.Infra;

/// <summary>main.bicep sets every app setting the app reads in Azure, identity-based, with secrets from Key Vault.</summary>
public sealed class AppSettingsInBicepTests
{
    [Fact]
    public async Task AppSettings_InBicep_CoverEverySettingTheAppReads()
    {
        var settings = await BicepSettingsAsync();

        var missing = SettingKeys.Missing(settings.Keys, inAzure: true);

        Assert.Empty(missing);
    }

    [Fact]
    public async Task AppSettings_InBicep_SetNothingTheAppDoesNotRead()
    {
        var settings = await BicepSettingsAsync();

        var unread = SettingKeys.Unread(settings.Keys, inAzure: true);

        Assert.Empty(unread);
    }

    [Fact]
    public async Task Connections_InBicep_AreIdentityBasedWithTheAppIdentity()
    {
        var settings = await BicepSettingsAsync();

        var wrong = AppSettings.Host.Where(s => s.IsConnection).Where(connection =>
            settings.ContainsKey(connection.Name)
            || !connection.IdentityKeys.All(settings.ContainsKey)
            || settings[$"{connection.Name}__{AppSetting.CredentialKey}"] != "managedidentity");

        Assert.Empty(wrong.Select(c => c.Name));
    }

    [Fact]
    public async Task AppSettings_InBicep_HoldNoKeyOrConnectionString()
    {
        var settings = await BicepSettingsAsync();

        var withKeys = settings.Where(s =>
            s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
            || s.Value.Contains("SharedAccessKey", StringComparison.OrdinalIgnoreCase)
            || s.Value.Contains("listKeys", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(withKeys.Select(s => s.Key));
    }

    [Fact]
    public async Task SecretOptions_InBicep_AreKeyVaultReferences()
    {
        var settings = await BicepSettingsAsync();

        var plain = settings.Where(s => IsSecretName(s.Key) && !s.Value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal));

        Assert.Empty(plain.Select(s => s.Key));
    }

    private static bool IsSecretName(string key) =>
        key.EndsWith("Secret", StringComparison.Ordinal) || key.EndsWith("ApiKey", StringComparison.Ordinal)
        || key.EndsWith("Password", StringComparison.Ordinal);

    private static async Task<IReadOnlyDictionary<string, string>> BicepSettingsAsync() =>
        (await BicepBuilds.MainTemplateAsync()).AppSettings();
}
