using Microsoft.DurableTask;

namespace Fulfilment.Workflow;

/// <summary>
/// The instance's inbound events, one at a time, each raced against the waiting stage's durable timer. The waiter on
/// <see cref="WorkflowEvents.Channel"/> is never cancelled: when the timer wins, the same waiter serves the next
/// wait, so an event that arrives after a timeout is still taken (Durable's pitfall: a cancelled waiter can swallow
/// the next event of its name). Only the timer is cancelled when an event wins. Deterministic under replay: the
/// waiter and the timers are created in the same order every time.
/// </summary>
internal sealed class WorkflowEventStream(TaskOrchestrationContext context)
{
    private Task<WorkflowEvent>? next;

    /// <summary>Durable timers created so far (a figure for the sandbox's report).</summary>
    public int TimersCreated { get; private set; }

    /// <summary>The next event, or null once <paramref name="deadline"/> (UTC, the orchestration clock) has passed.</summary>
    public async Task<WorkflowEvent?> NextAsync(DateTime deadline)
    {
        next ??= context.WaitForExternalEvent<WorkflowEvent>(WorkflowEvents.Channel);
        if (!next.IsCompleted)
        {
            using var timerCancellation = new CancellationTokenSource();
            TimersCreated++;
            var timer = context.CreateTimer(deadline, timerCancellation.Token);
            if (await Task.WhenAny(next, timer) == timer)
            {
                return null;
            }

            // Synchronously, on the orchestrator's thread: CancelAsync would run the timer's callbacks elsewhere.
#pragma warning disable CA1849
            timerCancellation.Cancel();
#pragma warning restore CA1849
        }

        var received = await next;
        next = null;
        return received;
    }
}
