using Fulfilment.Sandbox.Simulation;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// Issue 13's chaos run, exactly as docs/sandbox.md runs it from the command line (<see cref="ChaosArguments"/>):
/// 2,000 orders with duplicated (20%), reordered and abandoned (10%) deliveries, transient storage faults (5% of
/// requests), cancellations (10%) and carrier failures (10%), on the shared Azurite; run once for the class, each
/// test checks one of its counts. Counts only: no timing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SimulateTests(AzuriteFixture azurite)
{
    /// <summary>The command line of the run (after <c>simulate</c>); docs/sandbox.md shows the same one.</summary>
    public static readonly string[] ChaosArguments =
        ["--orders", "2000", "--duplicates", "0.2", "--reorder", "--storage-faults", "0.05", "--abandon", "0.1", "--cancel", "0.1", "--carrier-fail", "0.1"];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SimulationReport? report;

    [Fact]
    public async Task RunAsync_WithChaos_RunsEveryOrderOfTheIssue()
    {
        var result = await ReportAsync();

        Assert.Equal(2_000, result.Orders);
    }

    [Fact]
    public async Task RunAsync_WithChaos_NeverOversells()
    {
        var result = await ReportAsync();

        Assert.Equal(0, result.Oversells);
    }

    [Fact]
    public async Task RunAsync_WithChaos_KeepsEveryProductsBooksBalanced()
    {
        var result = await ReportAsync();

        Assert.Equal(0, result.InvariantViolations);
    }

    [Fact]
    public async Task RunAsync_WithChaos_SettlesEveryMessage()
    {
        var result = await ReportAsync();

        Assert.Equal(0, result.LostMessages);
    }

    [Fact]
    public async Task RunAsync_WithChaos_EndsEveryOrderInATerminalStatus()
    {
        var result = await ReportAsync();

        Assert.DoesNotContain(SimulationTally.StillRunning, result.ByStatus.Keys);
        Assert.Equal(result.Orders, result.ByStatus.Values.Sum());
    }

    [Fact]
    public async Task RunAsync_WithChaos_ReachesEveryKindOfEnding()
    {
        var result = await ReportAsync();

        Assert.Equal(["Cancelled", "Completed", "Failed"], result.ByStatus.Keys.Intersect(["Cancelled", "Completed", "Failed"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WithChaos_InjectsEveryRequestedFault()
    {
        var result = await ReportAsync();

        Assert.All(
            ["duplicateDeliveries", "reorderedDeliveries", "delayedDeliveries", "abandonedDeliveries", "storageFaultsInjected", "cancellationsSent", "carrierFailuresSent"],
            kind => Assert.True(result.Chaos[kind] > 0, $"no {kind} in {string.Join(", ", result.Chaos)}"));
    }

    private async Task<SimulationReport> ReportAsync()
    {
        await Gate.WaitAsync();
        try
        {
            report ??= await new Simulator(Options()).RunAsync(CancellationToken.None);
            return report;
        }
        finally
        {
            Gate.Release();
        }
    }

    private SimulationOptions Options() =>
        SimulationOptions.Parse([.. ChaosArguments, "--no-progress"]) with { Storage = azurite.ConnectionString };
}
