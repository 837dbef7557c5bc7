using Fulfilment.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// The run's compensation (undo in reverse, then the outcome event for ordering), cancellation and refusal.
/// A compensation step that fails after its retries ends the run in CompensationFailed: explicit, logged as an
/// error, published, never swallowed.
/// </summary>
internal sealed partial class FulfilmentRun
{
    private bool refused;

    private async Task<FulfilmentStatus> CompensateAsync(Ending ending)
    {
        var stage = status.Stage;
        // The detail may quote outside words (a carrier's answer, a picker's note) that can name the customer: Debug only.
        log.LogWarning(
            "Order {OrderId} ends {Outcome} at {Stage}: {Reason}; compensating {Compensations}",
            order.OrderId, ending.Outcome, stage, ending.Reason, string.Join(", ", compensations));
        log.LogDebug("Order {OrderId} ends {Outcome}: {Detail}", order.OrderId, ending.Outcome, ending.Detail);
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
        catch (TaskFailedException e)
        {
            log.LogError(e, "Order {OrderId}: compensation step {StepName} failed", order.OrderId, e.TaskName);
            return await CompensationFailedAsync(stage, ending, e.TaskName, ErrorOf(e));
        }

        return Finish(ending.Outcome, $"{ending.Reason}: {ending.Detail}", ending.Reason);
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

    private async Task<FulfilmentStatus> CompensationFailedAsync(WorkflowStage stage, Ending ending, string failedStep, string error, int skip = 1)
    {
        var notRun = compensations.Skip(skip).Select(undo => undo.ToString()).ToArray();
        var reason = $"{failedStep} failed while compensating {ending.Reason}: {error}"
                     + (notRun.Length > 0 ? $"; not run: {string.Join(", ", notRun)}" : "");
        log.LogError("Order {OrderId}: compensation failed: {Reason}", order.OrderId, reason);
        if (failedStep is not (nameof(PublishFulfilmentFailedStep) or nameof(PublishFulfilmentCancelledStep)))
        {
            try
            {
                await PublishFailedAsync(stage, FulfilmentFailureReason.CompensationFailed, reason);
            }
            catch (TaskFailedException e)
            {
                log.LogError(e, "Order {OrderId}: fulfilment-failed could not be published either", order.OrderId);
                reason += "; fulfilment-failed not published";
            }
        }

        return Finish(FulfilmentOutcome.CompensationFailed, reason);
    }

    /// <summary>An order-cancelled, or a release-inventory of our reservation; null (ignored) for someone else's.</summary>
    private Ending? ReadCancellation(WorkflowEvent received)
    {
        if (received.Name == WorkflowEvents.OrderCancelled)
        {
            var cancelled = ContractJson.Deserialize<OrderCancelled>(received.Payload);
            Took(received, WireName.Of(cancelled.Reason));
            return Ending.Cancelled(cancelled.Reason, $"{MessageNames.OrderCancelled} {WireName.Of(cancelled.Reason)}");
        }

        var release = ContractJson.Deserialize<ReleaseInventory>(received.Payload);
        if (IsStray(release.ReservationId, status.ReservationId, received))
        {
            return null;
        }

        var wireReason = release.Reason is { } r ? WireName.Of(r) : "UNSPECIFIED";
        Took(received, wireReason);
        var reason = release.Reason == ReleaseReason.CheckoutFailed ? CancellationReason.PaymentFailed : CancellationReason.CustomerRequested;
        return Ending.Cancelled(reason, $"{MessageNames.ReleaseInventory} {wireReason}");
    }

    /// <summary>After dispatch a cancellation is refused once, recorded and published; fulfilment goes on.</summary>
    private async Task RefuseCancellationAsync(WorkflowEvent received)
    {
        if (refused)
        {
            Ignore(received, "cancellation already refused");
            return;
        }

        if (ReadCancellation(received) is { } cancellation)
        {
            await RefuseAsync(cancellation, "the carrier has the parcel");
        }
    }

    private async Task RefuseAsync(Ending cancellation, string why)
    {
        refused = true;
        log.LogWarning("Order {OrderId}: cancellation refused at {Stage}: {Why}", order.OrderId, status.Stage, why);
        Update(status.Record("CancellationRefused", Now, cancellation.Detail));
        try
        {
            var refusal = new OrderCancellationRefused(order.OrderId, status.Stage.ToString(), Now, why);
            await CallAsync<PublishedMessage>(nameof(PublishCancellationRefusedStep), refusal, result => result.MessageId);
        }
        catch (TaskFailedException e)
        {
            // The parcel is on its way: delivery goes on. The missing event is visible in the timeline and the log.
            log.LogError(e, "Order {OrderId}: order-cancellation-refused could not be published", order.OrderId);
            Update(status.Record("CancellationRefusalNotPublished", Now, ErrorOf(e)));
        }
    }
}
