using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// How the run waits and what it does with each event: one wait per waiting stage (its deadline fixed when it
/// starts), events taken in arrival order, early ones deferred to the stage that wants them, duplicates and strays
/// counted and logged but kept out of the timeline (so the status stays bounded), and the step calls.
/// </summary>
internal sealed partial class FulfilmentRun
{
    private readonly Queue<WorkflowEvent> deferred = new();

    /// <summary>Enters a waiting stage: its deadline, and the events earlier stages deferred, which it sees first.</summary>
    private Wait BeginWait(WorkflowStage stage)
    {
        Update(status with { Stage = stage });
        return new Wait(context.CurrentUtcDateTime + settings.TimeoutOf(stage)) { Backlog = deferred.Count };
    }

    /// <summary>
    /// The next event of the wait — first the ones deferred before it began, oldest first (what it defers again, or
    /// leaves, stays for a later stage) — or null at its deadline.
    /// </summary>
    private async Task<WorkflowEvent?> NextEventAsync(Wait wait)
    {
        if (wait.Backlog > 0)
        {
            wait.Backlog--;
            return deferred.Dequeue();
        }

        Update(status with { WaitingUntil = new DateTimeOffset(DateTime.SpecifyKind(wait.Deadline, DateTimeKind.Utc)) });
        var received = await events.NextAsync(wait.Deadline);
        status = status with
        {
            WaitingUntil = null,
            EventsReceived = status.EventsReceived + (received is null ? 0 : 1),
            TimersCreated = events.TimersCreated,
        };
        if (received is null)
        {
            Update(status.Record("Timeout", Now, status.Stage.ToString()));
        }

        return received;
    }

    /// <summary>Records an event the run acts on.</summary>
    private void Took(WorkflowEvent received, string? detail = null) => Update(status.Record(received.Name, Now, detail));

    /// <summary>An event for a later stage (e.g. a shipment event while picking): kept for that stage's wait.</summary>
    private void Defer(WorkflowEvent received)
    {
        log.LogInformation("Order {OrderId}: early {EventName} at {Stage} kept for a later stage", order.OrderId, received.Name, status.Stage);
        deferred.Enqueue(received);
    }

    /// <summary>A duplicate or late event that changes nothing: counted and logged, not put in the timeline.</summary>
    private void Ignore(WorkflowEvent received, string why)
    {
        log.LogInformation("Order {OrderId}: {EventName} ignored at {Stage}: {Why}", order.OrderId, received.Name, status.Stage, why);
        Update(status with { EventsIgnored = status.EventsIgnored + 1 });
    }

    private bool IsStray(Guid? received, Guid? expected, WorkflowEvent workflowEvent)
    {
        if (received is null || expected is null || received == expected)
        {
            return false;
        }

        log.LogWarning("Order {OrderId}: {EventName} for {ReceivedId} is not ours ({ExpectedId}); ignored", order.OrderId, workflowEvent.Name, received, expected);
        Update(status with { EventsIgnored = status.EventsIgnored + 1 });
        return true;
    }

    private async Task<TResult> CallAsync<TResult>(string stepName, object request, Func<TResult, string?> describe, bool compensating = false)
    {
        var retry = compensating ? settings.CompensationRetry : settings.StepRetry;
        status = status with { ActivitiesCalled = status.ActivitiesCalled + 1 };
        var result = await context.CallActivityAsync<TResult>(stepName, request, retry.ToTaskOptions());
        Update(status.Record(stepName, Now, describe(result)));
        return result;
    }

    private static string ErrorOf(TaskFailedException failure) => failure.FailureDetails.ErrorMessage;

    private void Update(FulfilmentStatus next)
    {
        status = next;
        context.SetCustomStatus(status);
    }

    /// <summary>Ends the run with <paramref name="reason"/> in its status; the log gets <paramref name="loggedReason"/> if given (no outside words).</summary>
    private FulfilmentStatus Finish(FulfilmentOutcome outcome, string? reason, string? loggedReason = null)
    {
        Update(status.Finish(outcome, Now, reason));
        log.LogInformation("Fulfilment of order {OrderId} finished {Outcome}: {Reason}", order.OrderId, outcome, loggedReason ?? reason);
        return status;
    }

    /// <summary>A waiting stage: its deadline (orchestration clock, UTC) and how many deferred events it has still to see.</summary>
    private sealed class Wait(DateTime deadline)
    {
        public DateTime Deadline { get; } = deadline;

        public int Backlog { get; set; }
    }
}
