using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fulfilment.Workflow;

/// <summary>
/// Runs workflow instances in process with a virtual clock: the host of the sandbox and the tests, with the
/// semantics of the Durable host the Function App uses. A start for an existing id is a no-op; events raised
/// before their wait are buffered per instance; events for unknown or finished instances get a defined
/// <see cref="RaiseOutcome"/> (logged, never thrown); timers fire only when the clock is advanced. Each call
/// returns once the instances it touched are idle again (waiting or finished). Step retries are immediate.
/// </summary>
public sealed class InMemoryWorkflowRuntime(WorkflowStepRegistry steps, DateTimeOffset start, ILoggerFactory? loggerFactory = null)
{
    private readonly Dictionary<string, InMemoryWorkflowInstance> instances = new(StringComparer.Ordinal);
    private readonly ILoggerFactory loggers = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly ILogger log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<InMemoryWorkflowRuntime>();
    private DateTimeOffset now = start.ToUniversalTime();

    internal object Gate { get; } = new();

    internal WorkflowStepRegistry Steps { get; } = steps;

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (Gate)
            {
                return now;
            }
        }
    }

    public IReadOnlyList<string> InstanceIds
    {
        get
        {
            lock (Gate)
            {
                return instances.Keys.ToArray();
            }
        }
    }

    /// <summary>Starts <paramref name="orchestration"/> as <paramref name="instanceId"/> unless that id exists (running or finished).</summary>
    public async Task<StartOutcome> StartAsync(string instanceId, Func<IWorkflowContext, Task> orchestration)
    {
        ArgumentNullException.ThrowIfNull(orchestration);
        InMemoryWorkflowInstance instance;
        lock (Gate)
        {
            if (instances.ContainsKey(instanceId))
            {
                log.LogInformation("Instance {InstanceId} already exists; duplicate start ignored", instanceId);
                return StartOutcome.AlreadyExists;
            }

            instance = new InMemoryWorkflowInstance(this, instanceId, instances.Count, loggers.CreateLogger<FulfilmentWorkflow>());
            instances.Add(instanceId, instance);
        }

        var idle = instance.Idle;
        _ = Task.Run(() => RunAsync(instance, orchestration));
        await idle;
        return StartOutcome.Started;
    }

    public async Task<RaiseOutcome> RaiseEventAsync(string instanceId, string eventName, string payload)
    {
        Task handled;
        lock (Gate)
        {
            if (!instances.TryGetValue(instanceId, out var instance))
            {
                log.LogWarning("Event {EventName} for unknown instance {InstanceId}", eventName, instanceId);
                return RaiseOutcome.UnknownInstance;
            }

            if (instance.State != WorkflowInstanceState.Running)
            {
                log.LogInformation("Event {EventName} for finished instance {InstanceId} dropped", eventName, instanceId);
                return RaiseOutcome.InstanceFinished;
            }

            if (!instance.TryDeliver(new WorkflowEvent(eventName, payload), out handled))
            {
                return RaiseOutcome.Buffered;
            }
        }

        await handled;
        return RaiseOutcome.Delivered;
    }

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(UtcNow + by);

    /// <summary>Moves the clock to <paramref name="target"/>, firing every timer due on the way in deadline order.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        while (true)
        {
            Task handled;
            lock (Gate)
            {
                var due = instances.Values
                    .Where(i => i.Deadline is { } deadline && deadline <= target.UtcDateTime)
                    .OrderBy(i => i.Deadline).ThenBy(i => i.StartOrder)
                    .FirstOrDefault();
                if (due is null)
                {
                    now = target > now ? target.ToUniversalTime() : now;
                    return;
                }

                var fireAt = new DateTimeOffset(due.Deadline!.Value, TimeSpan.Zero);
                now = fireAt > now ? fireAt : now;
                handled = due.Resume(null);
            }

            await handled;
        }
    }

    /// <summary>
    /// Forgets finished instances, as Durable's purge does, so that a long run holds only the orders in flight.
    /// A start for a purged id starts a new instance (as on Durable after a purge). Returns how many were purged.
    /// </summary>
    public int PurgeFinished()
    {
        lock (Gate)
        {
            var finished = instances.Where(i => i.Value.State != WorkflowInstanceState.Running).Select(i => i.Key).ToArray();
            foreach (var id in finished)
            {
                instances.Remove(id);
            }

            return finished.Length;
        }
    }

    public FulfilmentStatus? GetStatus(string instanceId) => Find(instanceId)?.Status;

    public WorkflowInstanceState? GetState(string instanceId) => Find(instanceId)?.State;

    public IReadOnlyList<StepCall> StepCalls(string instanceId) => Find(instanceId)?.Calls ?? [];

    /// <summary>The steps that succeeded, in order: what the instance did.</summary>
    public IReadOnlyList<string> StepsRun(string instanceId) => StepCalls(instanceId).Where(c => c.Succeeded).Select(c => c.Step).ToArray();

    private InMemoryWorkflowInstance? Find(string instanceId)
    {
        lock (Gate)
        {
            return instances.GetValueOrDefault(instanceId);
        }
    }

    private async Task RunAsync(InMemoryWorkflowInstance instance, Func<IWorkflowContext, Task> orchestration)
    {
        var state = WorkflowInstanceState.Completed;
        try
        {
            await orchestration(instance);
        }
        catch (Exception e)
        {
            log.LogError(e, "Instance {InstanceId} faulted", instance.InstanceId);
            state = WorkflowInstanceState.Faulted;
        }

        lock (Gate)
        {
            foreach (var unconsumed in instance.Finish(state))
            {
                log.LogInformation("Instance {InstanceId} finished; unconsumed {EventName} ignored", instance.InstanceId, unconsumed.Name);
            }
        }
    }
}
