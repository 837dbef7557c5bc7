using Fulfilment.Contracts;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// A hand-written <see cref="IWorkflowHost"/>: instances are ids (existing or not, running or finished, with the
/// status a finished one ended with), and every call is recorded as "Kind instanceId [eventName]". Can play an
/// order-completed that wins a start race.
/// </summary>
internal sealed class FakeWorkflowHost : IWorkflowHost
{
    private readonly Dictionary<string, bool> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FulfilmentSnapshot> snapshots = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    /// <summary>When set, the order's fulfilment starts just before a cancelled-before-start start (it wins the race).</summary>
    public bool OrderCompletedWinsTheRace { get; set; }

    public FakeWorkflowHost WithRunning(string instanceId)
    {
        instances[instanceId] = true;
        return this;
    }

    public FakeWorkflowHost WithFinished(string instanceId)
    {
        instances[instanceId] = false;
        return this;
    }

    /// <summary>A finished instance whose status <see cref="GetAsync"/> returns (with the instance's state).</summary>
    public FakeWorkflowHost WithFinished(FulfilmentStatus ended, WorkflowInstanceState state = WorkflowInstanceState.Completed, string? fault = null)
    {
        var instanceId = WorkflowInstanceId.For(ended.OrderId);
        instances[instanceId] = false;
        snapshots[instanceId] = new FulfilmentSnapshot(ended, state, fault);
        return this;
    }

    public Task<StartOutcome> StartFulfilmentAsync(FulfilmentOrder order, CancellationToken cancellationToken) =>
        Task.FromResult(Start("StartFulfilment", order.InstanceId));

    public Task<StartOutcome> StartCancelledBeforeStartAsync(OrderCancelled cancellation, CancellationToken cancellationToken)
    {
        var instanceId = WorkflowInstanceId.For(cancellation.OrderId);
        if (OrderCompletedWinsTheRace)
        {
            instances.TryAdd(instanceId, true);
        }

        return Task.FromResult(Start("StartCancelledBeforeStart", instanceId));
    }

    public Task<RaiseOutcome> RaiseEventAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken)
    {
        Calls.Add($"Raise {instanceId} {eventName}");
        var outcome = instances.TryGetValue(instanceId, out var running)
            ? running ? RaiseOutcome.Delivered : RaiseOutcome.InstanceFinished
            : RaiseOutcome.UnknownInstance;
        return Task.FromResult(outcome);
    }

    public Task<FulfilmentSnapshot?> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var instanceId = WorkflowInstanceId.For(orderId);
        Calls.Add($"Get {instanceId}");
        return Task.FromResult(snapshots.GetValueOrDefault(instanceId));
    }

    private StartOutcome Start(string kind, string instanceId)
    {
        Calls.Add($"{kind} {instanceId}");
        return instances.TryAdd(instanceId, true) ? StartOutcome.Started : StartOutcome.AlreadyExists;
    }
}
