using Fulfilment.Sandbox.Storage;

namespace Fulfilment.Tests.Infra;

/// <summary>Where the deployment files live in the repository.</summary>
internal static class InfraFiles
{
    public static string Root { get; } = AzuriteProcess.FindRepositoryRoot();

    public static string InfraFolder => Path.Combine(Root, "infra");

    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    public static string HostJson => Path.Combine(Root, "host.json");

    public static string EmulatorConfig => Path.Combine(Root, "docker", "servicebus-emulator", "config.json");

    public static IReadOnlyList<string> ParameterFiles => Find("*.bicepparam");

    /// <summary>Path relative to infra/, with forward slashes (stable test case names).</summary>
    public static string Relative(string path) => Path.GetRelativePath(InfraFolder, path).Replace('\\', '/');

    private static string[] Find(string pattern) =>
        [.. Directory.GetFiles(InfraFolder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
