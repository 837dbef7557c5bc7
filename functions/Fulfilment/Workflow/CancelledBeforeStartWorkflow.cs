using Fulfilment.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Workflow;

/// <summary>
/// The order's instance when its order-cancelled arrived before its order-completed (Service Bus gives no order
/// across topics). Started by <see cref="WorkflowDispatcher"/> with the order-cancelled as input, it records the
/// cancellation and publishes fulfilment-cancelled (stage <see cref="WorkflowStage.NotStarted"/>, no reservation),
/// nothing else. Because the order's instance now exists, a later order-completed is a duplicate start (a no-op):
/// the cancellation wins. The order's reservation was never linked; Inventory's expiry sweep releases it (EXPIRED).
/// Talks to its host only through <see cref="IWorkflowContext"/>, like <see cref="FulfilmentWorkflow"/>.
/// </summary>
public sealed class CancelledBeforeStartWorkflow(IOptions<WorkflowOptions> options)
{
    public async Task<FulfilmentStatus> RunAsync(IWorkflowContext context, OrderCancelled cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cancellation);
        var reason = $"ORDER_CANCELLED: {MessageNames.OrderCancelled} {WireName.Of(cancellation.Reason)} before {MessageNames.OrderCompleted}";
        var status = new FulfilmentStatus(cancellation.OrderId, WorkflowStage.NotStarted, [])
            .Record(WorkflowEvents.OrderCancelled, Now(context), reason);
        context.SetStatus(status);
        context.Logger.LogWarning("Order {OrderId} was cancelled before its fulfilment started: {Reason}", cancellation.OrderId, reason);
        try
        {
            var cancelled = new FulfilmentCancelled(cancellation.OrderId, cancellation.Reason, nameof(WorkflowStage.NotStarted), Now(context));
            var published = await context.CallStepAsync<PublishedMessage>(nameof(PublishFulfilmentCancelledStep), cancelled, options.Value.CompensationRetry);
            status = status.Record(nameof(PublishFulfilmentCancelledStep), Now(context), published.MessageId);
        }
        catch (StepFailedException e)
        {
            // As in FulfilmentWorkflow when the outcome event cannot be published: an explicit state for an operator.
            context.Logger.LogError(e, "Order {OrderId}: fulfilment-cancelled could not be published", cancellation.OrderId);
            return Finish(context, status, FulfilmentOutcome.CompensationFailed, $"{e.StepName} failed: {e.ErrorMessage}; fulfilment-cancelled not published");
        }

        return Finish(context, status, FulfilmentOutcome.Cancelled, reason);
    }

    private static DateTimeOffset Now(IWorkflowContext context) => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private static FulfilmentStatus Finish(IWorkflowContext context, FulfilmentStatus status, FulfilmentOutcome outcome, string reason)
    {
        var finished = status.Finish(outcome, Now(context), reason);
        context.SetStatus(finished);
        return finished;
    }
}
