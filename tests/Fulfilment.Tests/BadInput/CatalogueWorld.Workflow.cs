using System.Collections.Concurrent;
using System.Globalization;
using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fulfilment.Tests.BadInput;

/// <summary>
/// The workflow's side of the catalogue world: the real Durable engine in process (started on first use, its
/// activities on this world's services and tables), the app's <see cref="DurableWorkflowHost"/> over it, and what the
/// workflow router's entry point does with an inbound message (<see cref="WorkflowDispatcher"/>). Every host call is
/// recorded with its outcome (the answer's detail) and every instance it names is tracked for the snapshots.
/// </summary>
internal sealed partial class CatalogueWorld
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, int> raised = new(StringComparer.Ordinal);
    private DurableTaskTestHost? engine;
    private RecordedHost? host;

    /// <summary>What the workflow's Service Bus trigger does with <paramref name="body"/> on <paramref name="messageName"/>'s subscription.</summary>
    public async Task<Answer> DispatchAsync(string messageName, string body)
    {
        var workflows = await WorkflowsAsync();
        var before = workflows.Calls.Count;
        var settlement = await Get<WorkflowDispatcher>().DispatchAsync(workflows, messageName, body, CancellationToken.None);
        var calls = string.Join("; ", workflows.Calls.Skip(before));
        return settlement is null ? new Answer("not for the workflow", calls) : Settled(settlement, calls);
    }

    /// <summary>An order whose fulfilment ended: cancelled before order-completed (its instance finished Cancelled).</summary>
    public async Task<Guid> FinishedOrderAsync()
    {
        var orderId = Guid.NewGuid();
        var cancelled = new OrderCancelled(orderId, CancellationReason.CustomerRequested, Clock.GetUtcNow());
        Assert.Equal("complete", (await DispatchAsync(MessageNames.OrderCancelled, ContractJson.Serialize(cancelled))).Response);
        using var patience = new CancellationTokenSource(Patience);
        var engineClient = (await WorkflowsAsync()).Client;
        var instance = await engineClient.WaitForInstanceCompletionAsync(WorkflowInstanceId.For(orderId), patience.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return orderId;
    }

    /// <summary>An order in fulfilment: its cart reserved, order-completed routed, its picking job made; parked waiting for packing.</summary>
    public async Task<RunningOrder> RunningOrderAsync()
    {
        var cart = await ReservedCartAsync(await ProductAsync(10));
        var orderId = Guid.NewGuid();
        var completed = new OrderCompleted(orderId, Guid.NewGuid(), Clock.GetUtcNow(), CartId: cart.CartId, ShippingAddress: new Address("1 Quay Street", "Bristol", "BS1 4DJ", "GB"));
        Assert.Equal("complete", (await DispatchAsync(MessageNames.OrderCompleted, ContractJson.Serialize(completed))).Response);
        var status = await ParkedAsync(WorkflowInstanceId.For(orderId), 0);
        Assert.Equal(WorkflowStage.AwaitingPacking, status.Stage);
        return new RunningOrder(completed, status.PickingJobId!.Value);
    }

    /// <summary>
    /// Every instance the engine holds, as the status endpoint would show it (runtime status, stage, references,
    /// outcome, timeline), waited for until each running one has taken every event raised to it; its count of
    /// ignored events separately. Empty while no engine runs.
    /// </summary>
    public async Task<(IReadOnlyList<string> Instances, int EventsIgnored)> InstancesAsync()
    {
        if (engine is null)
        {
            return ([], 0);
        }

        var rows = new List<string>();
        var ignored = 0;
        await foreach (var instance in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
        {
            var status = !instance.IsCompleted ? await ParkedAsync(instance.InstanceId, raised.GetValueOrDefault(instance.InstanceId)) : Read(instance);
            ignored += status?.EventsIgnored ?? 0;
            rows.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{instance.InstanceId} {instance.Name} {instance.RuntimeStatus}: {status?.Stage} {status?.Outcome} {status?.Reason} reservation {status?.ReservationId} job {status?.PickingJobId} shipment {status?.ShipmentId} waiting until {status?.WaitingUntil:O}; {string.Join(", ", status?.Timeline.Select(t => t.Name) ?? [])}"));
        }

        return ([.. rows.Order(StringComparer.Ordinal)], ignored);
    }

    private async Task<RecordedHost> WorkflowsAsync()
    {
        if (host is null)
        {
            engine = await DurableTaskTestHost.StartAsync(
                registry => registry.AddFulfilmentWorkflow(provider),
                new DurableTaskTestHostOptions { Port = LoopbackPort.Free(), LoggerFactory = NullLoggerFactory.Instance });
            host = new RecordedHost(new DurableWorkflowHost(engine.Client, Get<WorkflowSettings>(), NullLogger<DurableWorkflowHost>.Instance), engine.Client, raised);
        }

        return host;
    }

    /// <summary>Waits until the running instance has taken <paramref name="events"/> events and is parked in a wait (or has finished).</summary>
    private async Task<FulfilmentStatus> ParkedAsync(string instanceId, int events)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var instance = await engine!.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, patience.Token);
            var status = instance is null ? null : Read(instance);
            if (instance is { IsCompleted: true } || status is { WaitingUntil: not null } && status.EventsReceived >= events)
            {
                return status!;
            }

            await Task.Delay(10, patience.Token);
        }
    }

    private static FulfilmentStatus? Read(OrchestrationMetadata instance) =>
        instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<FulfilmentStatus>();

    /// <summary>The app's host with every call written down as "Operation instance → outcome" (the answer's detail).</summary>
    private sealed class RecordedHost(DurableWorkflowHost inner, DurableTaskClient client, ConcurrentDictionary<string, int> raised) : IWorkflowHost
    {
        private readonly ConcurrentQueue<string> calls = new();

        public DurableTaskClient Client => client;

        public IReadOnlyCollection<string> Calls => calls;

        public async Task<StartOutcome> StartFulfilmentAsync(FulfilmentOrder order, CancellationToken cancellationToken)
        {
            var outcome = await inner.StartFulfilmentAsync(order, cancellationToken);
            calls.Enqueue($"start {FulfilmentOrchestration.Name} → {outcome}");
            return outcome;
        }

        public async Task<StartOutcome> StartCancelledBeforeStartAsync(OrderCancelled cancellation, CancellationToken cancellationToken)
        {
            var outcome = await inner.StartCancelledBeforeStartAsync(cancellation, cancellationToken);
            calls.Enqueue($"start {CancelledBeforeStartOrchestration.Name} → {outcome}");
            return outcome;
        }

        public async Task<RaiseOutcome> RaiseEventAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken)
        {
            var outcome = await inner.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
            if (outcome == RaiseOutcome.Delivered)
            {
                raised.AddOrUpdate(instanceId, 1, (_, n) => n + 1);
            }

            calls.Enqueue($"raise {eventName} → {outcome}");
            return outcome;
        }

        public Task<FulfilmentSnapshot?> GetAsync(Guid orderId, CancellationToken cancellationToken) => inner.GetAsync(orderId, cancellationToken);
    }
}

/// <summary>An order in fulfilment (<see cref="CatalogueWorld.RunningOrderAsync"/>): the order-completed that started it, and its picking job.</summary>
internal sealed record RunningOrder(OrderCompleted Completed, Guid PickingJobId)
{
    public Guid OrderId => Completed.OrderId;
}
