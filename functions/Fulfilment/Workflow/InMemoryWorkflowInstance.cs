using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// One instance inside <see cref="InMemoryWorkflowRuntime"/> and its <see cref="IWorkflowContext"/>: its buffered
/// events, its one pending wait, its status and step log. All state is guarded by the runtime's gate.
/// </summary>
internal sealed class InMemoryWorkflowInstance(InMemoryWorkflowRuntime runtime, string instanceId, long startOrder, ILogger logger)
    : IWorkflowContext
{
    private readonly List<WorkflowEvent> buffer = [];
    private readonly List<StepCall> calls = [];
    private TaskCompletionSource idle = NewIdle();
    private Waiter? waiter;

    public string InstanceId { get; } = instanceId;

    public long StartOrder { get; } = startOrder;

    public DateTime CurrentUtcDateTime => runtime.UtcNow.UtcDateTime;

    public ILogger Logger { get; } = logger;

    public WorkflowInstanceState State { get; private set; } = WorkflowInstanceState.Running;

    public FulfilmentStatus? Status { get; private set; }

    /// <summary>When the pending wait times out; null when not waiting.</summary>
    public DateTime? Deadline => waiter?.Deadline;

    public Task Idle => idle.Task;

    public IReadOnlyList<StepCall> Calls
    {
        get
        {
            lock (runtime.Gate)
            {
                return calls.ToArray();
            }
        }
    }

    public async Task<TResult> CallStepAsync<TResult>(string stepName, object input, StepRetryPolicy retry)
    {
        if (!runtime.Steps.Contains(stepName))
        {
            throw new InvalidOperationException($"No step is registered as {stepName}.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await runtime.Steps.InvokeAsync<TResult>(stepName, input, CancellationToken.None);
                Log(new StepCall(stepName, attempt, runtime.UtcNow));
                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log(new StepCall(stepName, attempt, runtime.UtcNow, e.Message));
                Logger.LogWarning(e, "Step {StepName} of {InstanceId} failed on attempt {Attempt} of {MaxAttempts}", stepName, InstanceId, attempt, retry.MaxAttempts);
                if (attempt >= retry.MaxAttempts)
                {
                    throw new StepFailedException(stepName, e.Message, e);
                }
            }
        }
    }

    public Task<WorkflowEvent?> WaitForEventAsync(IReadOnlyList<string> eventNames, DateTime deadline)
    {
        lock (runtime.Gate)
        {
            var early = buffer.FirstOrDefault(e => eventNames.Contains(e.Name, StringComparer.OrdinalIgnoreCase));
            if (early is not null)
            {
                buffer.Remove(early);
                return Task.FromResult<WorkflowEvent?>(early);
            }

            if (deadline <= CurrentUtcDateTime)
            {
                return Task.FromResult<WorkflowEvent?>(null);
            }

            waiter = new Waiter(eventNames, deadline, new TaskCompletionSource<WorkflowEvent?>(TaskCreationOptions.RunContinuationsAsynchronously));
            idle.TrySetResult();
            return waiter.Completion.Task;
        }
    }

    public void SetStatus(FulfilmentStatus status)
    {
        lock (runtime.Gate)
        {
            Status = status;
        }
    }

    /// <summary>Under the gate: hands the event to the pending wait, or buffers it.</summary>
    public bool TryDeliver(WorkflowEvent workflowEvent, out Task handled)
    {
        if (waiter is not null && waiter.Names.Contains(workflowEvent.Name, StringComparer.OrdinalIgnoreCase))
        {
            handled = Resume(workflowEvent);
            return true;
        }

        buffer.Add(workflowEvent);
        handled = Task.CompletedTask;
        return false;
    }

    /// <summary>Under the gate: ends the pending wait (null = its deadline); the task completes at the next wait or the end.</summary>
    public Task Resume(WorkflowEvent? workflowEvent)
    {
        var resumed = waiter ?? throw new InvalidOperationException($"{InstanceId} is not waiting.");
        waiter = null;
        idle = NewIdle();
        resumed.Completion.TrySetResult(workflowEvent);
        return idle.Task;
    }

    /// <summary>Under the gate: the orchestration returned or threw.</summary>
    public IReadOnlyList<WorkflowEvent> Finish(WorkflowInstanceState state)
    {
        State = state;
        var unconsumed = buffer.ToArray();
        buffer.Clear();
        idle.TrySetResult();
        return unconsumed;
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Log(StepCall call)
    {
        lock (runtime.Gate)
        {
            calls.Add(call);
        }
    }

    private sealed record Waiter(IReadOnlyList<string> Names, DateTime Deadline, TaskCompletionSource<WorkflowEvent?> Completion);
}
