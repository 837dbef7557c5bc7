using Fulfilment.Contracts;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// The run's compensation (undo in reverse, then the outcome event for ordering), cancellation and refusal,
/// and the small helpers every stage uses to call steps, wait and record the timeline.
/// </summary>
internal sealed partial class FulfilmentRun
{
    private bool refused;

    private async Task<FulfilmentStatus> CompensateAsync(Ending ending)
    {
        var stage = status.Stage;
        Log.LogWarning(
            "Order {OrderId} ends {Outcome} at {Stage}: {Reason} ({Detail}); compensating {Compensations}",
            order.OrderId, ending.Outcome, stage, ending.Reason, ending.Detail, string.Join(", ", compensations));
        Update(status.Record(ending.Outcome == FulfilmentOutcome.Cancelled ? "CancellationAccepted" : "Failure", Now, $"{ending.Reason}: {ending.Detail}")
            with { Stage = WorkflowStage.Compensating });
        try
        {
            while (compensations.TryPeek(out var undo))
            {
                await UndoAsync(undo, ending);
                compensations.Pop();
            }

            await PublishOutcomeAsync(stage, ending);
        }
        catch (StepFailedException e)
        {
            return await CompensationFailedAsync(stage, ending, e);
        }

        return Finish(ending.Outcome, $"{ending.Reason}: {ending.Detail}");
    }

    private async Task UndoAsync(Undo undo, Ending ending)
    {
        switch (undo)
        {
            case Undo.CancelPickingJob when packed:
                Update(status.Record(nameof(CancelPickingJobStep), Now, "skipped: the job is packed"));
                break;
            case Undo.CancelPickingJob:
                await CallAsync<CancelPickingJobStep.Result>(
                    nameof(CancelPickingJobStep), new CancelPickingJobStep.Request(order.OrderId, ending.Reason), result => result.Detail, compensating: true);
                break;
            default:
                var request = new ReleaseReservationStep.Request(
                    order.OrderId, status.ReservationId ?? order.ReservationId, ending.Mode, ending.Reason, ending.ShortPickedProductId, ending.MissingUnits);
                await CallAsync<ReleaseReservationStep.Result>(nameof(ReleaseReservationStep), request, result => result.Detail, compensating: true);
                break;
        }
    }

    private Task PublishOutcomeAsync(WorkflowStage stage, Ending ending) =>
        ending.Outcome == FulfilmentOutcome.Cancelled
            ? CallAsync<PublishedMessage>(
                nameof(PublishFulfilmentCancelledStep),
                new FulfilmentCancelled(order.OrderId, ending.CancellationReason!.Value, stage.ToString(), Now, status.ReservationId ?? order.ReservationId),
                result => result.MessageId,
                compensating: true)
            : PublishFailedAsync(stage, ending.FailureReason!.Value, ending.Detail);

    private Task PublishFailedAsync(WorkflowStage stage, FulfilmentFailureReason reason, string? detail) =>
        CallAsync<PublishedMessage>(
            nameof(PublishFulfilmentFailedStep),
            new FulfilmentFailed(order.OrderId, reason, stage.ToString(), Now, status.ReservationId ?? order.ReservationId, detail),
            result => result.MessageId,
            compensating: true);

    private async Task<FulfilmentStatus> CompensationFailedAsync(WorkflowStage stage, Ending ending, StepFailedException failure)
    {
        var notRun = compensations.Skip(1).Select(undo => undo.ToString()).ToArray();
        var reason = $"{failure.StepName} failed while compensating {ending.Reason}: {failure.ErrorMessage}"
                     + (notRun.Length > 0 ? $"; not run: {string.Join(", ", notRun)}" : "");
        Log.LogError(failure, "Order {OrderId}: compensation failed: {Reason}", order.OrderId, reason);
        if (failure.StepName is not (nameof(PublishFulfilmentFailedStep) or nameof(PublishFulfilmentCancelledStep)))
        {
            try
            {
                await PublishFailedAsync(stage, FulfilmentFailureReason.CompensationFailed, reason);
            }
            catch (StepFailedException e)
            {
                Log.LogError(e, "Order {OrderId}: fulfilment-failed could not be published either", order.OrderId);
                reason += "; fulfilment-failed not published";
            }
        }

        return Finish(FulfilmentOutcome.CompensationFailed, reason);
    }

    /// <summary>An order-cancelled, or a release-inventory of our reservation; null for someone else's (a stray).</summary>
    private Ending? ReadCancellation(WorkflowEvent received)
    {
        if (received.Name == WorkflowEvents.OrderCancelled)
        {
            var cancelled = ContractJson.Deserialize<OrderCancelled>(received.Payload);
            return Ending.Cancelled(cancelled.Reason, $"{MessageNames.OrderCancelled} {WireName.Of(cancelled.Reason)}");
        }

        var release = ContractJson.Deserialize<ReleaseInventory>(received.Payload);
        if (IsStray(release.ReservationId, status.ReservationId, received))
        {
            return null;
        }

        var reason = release.Reason == ReleaseReason.CheckoutFailed ? CancellationReason.PaymentFailed : CancellationReason.CustomerRequested;
        return Ending.Cancelled(reason, $"{MessageNames.ReleaseInventory} {(release.Reason is { } r ? WireName.Of(r) : "UNSPECIFIED")}");
    }

    /// <summary>After dispatch a cancellation is refused once, recorded and published; fulfilment goes on.</summary>
    private async Task RefuseCancellationAsync(WorkflowEvent received)
    {
        if (ReadCancellation(received) is not { } cancellation)
        {
            return;
        }

        if (refused)
        {
            Log.LogInformation("Order {OrderId}: cancellation already refused; {EventName} ignored", order.OrderId, received.Name);
            return;
        }

        refused = true;
        Log.LogWarning("Order {OrderId}: cancellation refused at {Stage}: the carrier has the parcel", order.OrderId, status.Stage);
        Update(status.Record("CancellationRefused", Now, cancellation.Detail));
        try
        {
            var refusal = new OrderCancellationRefused(order.OrderId, status.Stage.ToString(), Now, "the carrier has the parcel");
            await CallAsync<PublishedMessage>(nameof(PublishCancellationRefusedStep), refusal, result => result.MessageId);
        }
        catch (StepFailedException e)
        {
            // The parcel is on its way: delivery goes on. The missing event is visible in the timeline and the log.
            Log.LogError(e, "Order {OrderId}: order-cancellation-refused could not be published", order.OrderId);
            Update(status.Record("CancellationRefusalNotPublished", Now, e.ErrorMessage));
        }
    }

    private bool IsStray(Guid? received, Guid? expected, WorkflowEvent workflowEvent)
    {
        if (received is null || expected is null || received == expected)
        {
            return false;
        }

        Log.LogWarning("Order {OrderId}: {EventName} for {ReceivedId} is not ours ({ExpectedId}); ignored", order.OrderId, workflowEvent.Name, received, expected);
        return true;
    }

    private async Task<WorkflowEvent?> WaitAsync(IReadOnlyList<string> eventNames, DateTime deadline)
    {
        var received = await context.WaitForEventAsync(eventNames, deadline);
        Update(status.Record(received?.Name ?? "Timeout", Now, received is null ? status.Stage.ToString() : null));
        return received;
    }

    private async Task<TResult> CallAsync<TResult>(string stepName, object request, Func<TResult, string?> describe, bool compensating = false)
    {
        var result = await context.CallStepAsync<TResult>(stepName, request, compensating ? options.CompensationRetry : options.StepRetry);
        Update(status.Record(stepName, Now, describe(result)));
        return result;
    }

    private void Update(FulfilmentStatus next)
    {
        status = next;
        context.SetStatus(status);
    }

    private FulfilmentStatus Finish(FulfilmentOutcome outcome, string? reason)
    {
        Update(status.Finish(outcome, Now, reason));
        Log.LogInformation("Fulfilment of order {OrderId} finished {Outcome}: {Reason}", order.OrderId, outcome, reason);
        return status;
    }
}
