using Fulfilment.Sandbox.Storage;
using System.Net;
using System.Net.Sockets;
using Fulfilment.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>
/// The official in-process Durable engine (<see cref="DurableTaskTestHost"/>: real replay, timers and event buffering)
/// running the app's real orchestrations and steps (<see cref="WorkflowRegistration.AddFulfilmentWorkflow"/> over the
/// app's services), and its <see cref="Client"/>: what the Function App's <c>[DurableClient]</c> binds in Azure.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    /// <summary>Below this the engine runs a couple of work items at once and stalls (AZURE-API.md).</summary>
    private const int MinimumProcessorCount = 64;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DurableTaskTestHost host;

    private DurableEngine(DurableTaskTestHost host) => this.host = host;

    public DurableTaskClient Client => host.Client;

    public static async Task<DurableEngine> StartAsync(FunctionAppHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Environment.ProcessorCount < MinimumProcessorCount)
        {
            throw new InvalidOperationException(
                $"The in-process Durable engine stalls with {Environment.ProcessorCount} processors: run the tests with their run settings "
                + "(tests/Fulfilment.Tests/test.runsettings sets DOTNET_PROCESSOR_COUNT).");
        }

        var host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddFulfilmentWorkflow(app.Services),
            new DurableTaskTestHostOptions { Port = LoopbackPort.Free(), LoggerFactory = NullLoggerFactory.Instance });
        return new DurableEngine(host);
    }

    /// <summary>The order's status once its orchestration is parked in <paramref name="stage"/>'s wait.</summary>
    public async Task<FulfilmentStatus> ParkedInAsync(Guid orderId, WorkflowStage stage)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var instance = await Client.GetInstanceAsync(WorkflowInstanceId.For(orderId), getInputsAndOutputs: true, patience.Token);
            var status = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<FulfilmentStatus>();
            if (status is { WaitingUntil: not null } && status.Stage == stage)
            {
                return status;
            }

            Assert.False(status?.IsFinished == true, $"finished instead of waiting in {stage}: {status?.Reason}");
            await Task.Delay(10, patience.Token);
        }
    }

    /// <summary>The order's final status, once its orchestration has completed.</summary>
    public async Task<FulfilmentStatus> FinishedAsync(Guid orderId)
    {
        using var patience = new CancellationTokenSource(Patience);
        var instance = await Client.WaitForInstanceCompletionAsync(WorkflowInstanceId.For(orderId), getInputsAndOutputs: true, patience.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<FulfilmentStatus>()!;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

}
