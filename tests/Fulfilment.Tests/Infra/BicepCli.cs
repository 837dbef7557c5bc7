using System.Diagnostics;
using System.Reflection;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// Runs the Bicep compiler restored from NuGet (Azure.Bicep.CommandLine.linux-x64); its path is baked into this
/// assembly at build time from the package's BicepPath property.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string ExecutablePath { get; } = Locate();

    public static async Task<BicepResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraFiles.InfraFolder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var diagnostics = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(string.Join(' ', arguments), process.ExitCode, await output, await diagnostics);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException("BicepPath was not set at build time: is Azure.Bicep.CommandLine.linux-x64 referenced?");
        }

        path = Path.GetFullPath(OperatingSystem.IsWindows() ? path : path.Replace('\\', '/'));
        return File.Exists(path) ? path : throw new FileNotFoundException("The restored Bicep compiler is missing.", path);
    }
}
