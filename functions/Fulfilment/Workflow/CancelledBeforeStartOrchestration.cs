using Fulfilment.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// The order's instance when its order-cancelled arrived before its order-completed (Service Bus gives no order
/// across topics). Started by <see cref="WorkflowDispatcher"/> with the order-cancelled as input, it records the
/// cancellation and publishes fulfilment-cancelled (stage <see cref="WorkflowStage.NotStarted"/>, no reservation),
/// nothing else. Because the order's instance now exists, a later order-completed is a duplicate start (a no-op):
/// the cancellation wins. The order's reservation was never linked; Inventory's expiry sweep releases it (EXPIRED).
/// </summary>
public static class CancelledBeforeStartOrchestration
{
    /// <summary>The orchestrator's name, persisted in Durable history; versioned like <see cref="FulfilmentOrchestration.Name"/>.</summary>
    public const string Name = "CancelledBeforeStartV1";

    public static async Task<FulfilmentStatus> RunAsync(TaskOrchestrationContext context, CancelledBeforeStartInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = input.Cancellation;
        var log = context.CreateReplaySafeLogger(nameof(CancelledBeforeStartOrchestration));
        var reason = $"ORDER_CANCELLED: {MessageNames.OrderCancelled} {WireName.Of(cancellation.Reason)} before {MessageNames.OrderCompleted}";
        var status = new FulfilmentStatus(cancellation.OrderId, WorkflowStage.NotStarted, [])
            .Record(WorkflowEvents.OrderCancelled, Now(context), reason);
        context.SetCustomStatus(status);
        log.LogWarning("Order {OrderId} was cancelled before its fulfilment started: {Reason}", cancellation.OrderId, reason);
        try
        {
            var cancelled = new FulfilmentCancelled(cancellation.OrderId, cancellation.Reason, nameof(WorkflowStage.NotStarted), Now(context));
            var published = await context.CallActivityAsync<PublishedMessage>(
                nameof(PublishFulfilmentCancelledStep), cancelled, input.Settings.CompensationRetry.ToTaskOptions());
            status = status.Record(nameof(PublishFulfilmentCancelledStep), Now(context), published.MessageId);
        }
        catch (TaskFailedException e)
        {
            // As in FulfilmentOrchestration when the outcome event cannot be published: an explicit state for an operator.
            log.LogError(e, "Order {OrderId}: fulfilment-cancelled could not be published", cancellation.OrderId);
            return Finish(context, status, FulfilmentOutcome.CompensationFailed, $"{e.TaskName} failed: {e.FailureDetails.ErrorMessage}; fulfilment-cancelled not published");
        }

        return Finish(context, status, FulfilmentOutcome.Cancelled, reason);
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private static FulfilmentStatus Finish(TaskOrchestrationContext context, FulfilmentStatus status, FulfilmentOutcome outcome, string reason)
    {
        var finished = status.Finish(outcome, Now(context), reason);
        context.SetCustomStatus(finished);
        return finished;
    }
}
