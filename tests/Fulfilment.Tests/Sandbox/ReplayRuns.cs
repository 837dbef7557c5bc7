using System.Collections.Concurrent;
using Fulfilment.Sandbox.Host;
using Fulfilment.Sandbox.Replay;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// Runs each scenario once per test run (a fresh sandbox host on the shared Azurite, its own tables) and keeps its
/// output, so that every assertion about a scenario reads the same run.
/// </summary>
internal static class ReplayRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ReplayOutput>>> Runs = new(StringComparer.Ordinal);

    public static Task<ReplayOutput> OutputOfAsync(AzuriteFixture azurite, string name) =>
        Runs.GetOrAdd(name, n => new Lazy<Task<ReplayOutput>>(() => RunAsync(azurite, n))).Value;

    public static async Task<ReplayOutput> RunAsync(AzuriteFixture azurite, string name)
    {
        var scenario = ScenarioParser.Parse(await File.ReadAllTextAsync(ScenarioFiles.ScenarioPath(name)));
        var settings = new SandboxSettings { Start = scenario.Start, StorageConnectionString = azurite.ConnectionString, TimeScale = SandboxSettings.ReplayTimeScale };
        using var output = new StringWriter();
        await using (var host = await SandboxHost.StartAsync(settings, CancellationToken.None))
        {
            await new ReplayRunner(host, output).RunAsync(scenario, CancellationToken.None);
        }

        return ReplayOutput.Parse(output.ToString());
    }
}
