using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// The workflow's only way to reach its host: a port shaped after Durable Task's <c>TaskOrchestrationContext</c>,
/// so that its Durable implementation is a thin adapter and its in-memory one (<see cref="InMemoryWorkflowRuntime"/>)
/// can run the same code with a virtual clock. Everything a workflow observes comes through here, which keeps it
/// deterministic and replay-safe: no <c>DateTime.UtcNow</c>, no <c>Guid.NewGuid()</c>, no I/O outside steps.
/// </summary>
public interface IWorkflowContext
{
    /// <summary>The instance id (see <see cref="WorkflowInstanceId"/>).</summary>
    string InstanceId { get; }

    /// <summary>The deterministic current time (Durable: <c>CurrentUtcDateTime</c>), <see cref="DateTimeKind.Utc"/>.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>A logger that writes once per real execution (Durable: <c>CreateReplaySafeLogger</c>).</summary>
    ILogger Logger { get; }

    /// <summary>
    /// Runs the step (an idempotent activity) registered under <paramref name="stepName"/>, retrying per
    /// <paramref name="retry"/>. Throws <see cref="StepFailedException"/> once every attempt has failed
    /// (Durable: <c>CallActivityAsync</c> with <c>TaskOptions.FromRetryPolicy</c>; <c>TaskFailedException</c> translated).
    /// </summary>
    Task<TResult> CallStepAsync<TResult>(string stepName, object input, StepRetryPolicy retry);

    /// <summary>
    /// Waits for the first of the named events, or until <paramref name="deadline"/> (UTC); returns null on the
    /// deadline. Events raised before the wait are buffered per name and consumed here, oldest first (Durable:
    /// <c>CreateTimer(deadline, token)</c> raced against <c>WaitForExternalEvent&lt;string&gt;(name)</c>).
    /// </summary>
    Task<WorkflowEvent?> WaitForEventAsync(IReadOnlyList<string> eventNames, DateTime deadline);

    /// <summary>Publishes the status the status endpoint reads (Durable: <c>SetCustomStatus</c>).</summary>
    void SetStatus(FulfilmentStatus status);
}
