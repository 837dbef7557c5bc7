using System.Text.Json.Nodes;
using Fulfilment.Configuration;

namespace Fulfilment.Tests.Infra;

/// <summary>local.settings.sample.json lists exactly the settings the app reads locally, pointing at emulators.</summary>
public sealed class LocalSettingsSampleTests
{
    [Fact]
    public void Sample_Keys_CoverEverySettingTheAppReads()
    {
        var values = SampleValues();

        var missing = SettingKeys.Missing(values.Keys, inAzure: false);

        Assert.Empty(missing);
    }

    [Fact]
    public void Sample_Keys_SetNothingTheAppDoesNotRead()
    {
        var values = SampleValues();

        var unread = SettingKeys.Unread(values.Keys, inAzure: false);

        Assert.Empty(unread);
    }

    [Fact]
    public void Sample_Connections_PointAtLocalEmulators()
    {
        var values = SampleValues();

        var remote = AppSettings.Host.Where(s => s.IsConnection).Where(s =>
            !values.TryGetValue(s.Name, out var value)
            || !(value.Contains("UseDevelopmentStorage=true", StringComparison.Ordinal)
                || value.Contains("UseDevelopmentEmulator=true", StringComparison.Ordinal)));

        Assert.Empty(remote.Select(s => s.Name));
    }

    private static Dictionary<string, string> SampleValues()
    {
        var root = JsonNode.Parse(File.ReadAllText(InfraFiles.LocalSettingsSample))!;
        return root["Values"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
    }
}
