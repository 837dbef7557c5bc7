using Fulfilment.Sandbox.Simulation;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// A small simulate run with every kind of chaos (duplicate and reordered deliveries, abandoned deliveries,
/// transient storage faults, cancellations, carrier failures) on the shared Azurite, run once for the class; each
/// test checks one of its counts. Counts only: no timing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SimulateTests(AzuriteFixture azurite)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SimulationReport? report;

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
            ["duplicateDeliveries", "abandonedDeliveries", "storageFaultsInjected"],
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

    private SimulationOptions Options() => new()
    {
        Orders = 80,
        Products = 8,
        Lines = 2,
        Seed = 7,
        Concurrency = 2,
        Duplicates = 0.2,
        Reorder = true,
        StorageFaults = 0.05,
        Cancel = 0.2,
        Abandon = 0.1,
        CarrierFail = 0.2,
        Storage = azurite.ConnectionString,
        Progress = false,
    };
}
