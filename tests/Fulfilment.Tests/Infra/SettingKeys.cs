using Fulfilment.Configuration;

namespace Fulfilment.Tests.Infra;

/// <summary>Compares a set of configured keys with the settings the app reads in one place (Azure or local).</summary>
internal static class SettingKeys
{
    /// <summary>Settings that apply there but that no key configures.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> keys, bool inAzure) =>
        [.. AppSettings.All.Where(s => s.AppliesTo(inAzure) && !keys.Any(s.IsSetBy)).Select(s => s.Name)];

    /// <summary>Keys that configure no setting the app reads there.</summary>
    public static IReadOnlyList<string> Unread(IEnumerable<string> keys, bool inAzure) =>
        [.. keys.Where(k => !AppSettings.All.Any(s => s.AppliesTo(inAzure) && s.IsSetBy(k)))];
}
