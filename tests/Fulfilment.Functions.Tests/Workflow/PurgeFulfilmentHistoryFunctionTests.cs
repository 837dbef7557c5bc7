using Fulfilment.Functions.Tests.Support;
using Fulfilment.Functions.Workflow;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Tests.Workflow;

/// <summary>The daily history purge over the in-process Durable engine: finished fulfilments past the retention go, nothing else.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurgeFulfilmentHistoryFunctionTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Retention = new() { ["Workflow__HistoryRetention"] = "100.00:00:00" };

    [Fact]
    public async Task PurgeFulfilmentHistory_PastTheRetention_DeletesFinishedFulfilmentsOnly()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite, Retention, clockStart: DateTimeOffset.UtcNow);
        await using var engine = await DurableEngine.StartAsync(app);
        var (finished, running) = await FinishedAndRunningAsync(app, engine);
        app.Clock.Advance(TimeSpan.FromDays(101));

        await app.Function<PurgeFulfilmentHistoryFunction>().PurgeFulfilmentHistory(new TimerInfo(), engine.Client, CancellationToken.None);

        Assert.Null(await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(finished)));
        Assert.NotNull(await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(running)));
    }

    [Fact]
    public async Task PurgeFulfilmentHistory_WithinTheRetention_KeepsEveryFulfilment()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite, Retention, clockStart: DateTimeOffset.UtcNow);
        await using var engine = await DurableEngine.StartAsync(app);
        var (finished, running) = await FinishedAndRunningAsync(app, engine);
        app.Clock.Advance(TimeSpan.FromDays(99));

        await app.Function<PurgeFulfilmentHistoryFunction>().PurgeFulfilmentHistory(new TimerInfo(), engine.Client, CancellationToken.None);

        Assert.NotNull(await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(finished)));
        Assert.NotNull(await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(running)));
    }

    /// <summary>An order cancelled before it started (its instance finishes at once) and an order waiting for packing.</summary>
    private static async Task<(Guid Finished, Guid Running)> FinishedAndRunningAsync(FunctionAppHost app, DurableEngine engine)
    {
        var (finished, _) = await app.OrderCancelledBeforeItStartedAsync(engine);
        var (running, _) = await app.OrderAwaitingPackingAsync(engine);
        return (finished, running.OrderId);
    }
}
