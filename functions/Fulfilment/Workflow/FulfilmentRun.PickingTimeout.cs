using Fulfilment.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// The picking timeout. The picking floor's event (order-packed, order-short-picked) is published from an outbox and
/// cannot be lost for good, but it can be late; so at the deadline the run does not assume "never packed": it cancels
/// the job and ends by what the job was.
/// </summary>
internal sealed partial class FulfilmentRun
{
    /// <summary>Set when cancelling the job at the picking timeout failed on every attempt: the run ends CompensationFailed.</summary>
    private (string Step, string Error)? undoFailed;

    /// <summary>
    /// The picking timeout: cancel the job and go by what it was, since its event may have been lost. CREATED or
    /// PICKING (now cancelled) → PICKING_TIMEOUT, restocked; SHORT → ends as order-short-picked would have (short-pick
    /// release); PACKED → taken as order-packed (fulfilment goes on; the late order-packed is ignored). The job is
    /// cancelled here, so compensation does not cancel it again. A result without the job (recorded before the step
    /// reported it) ends PICKING_TIMEOUT, as it did then.
    /// </summary>
    private async Task<Ending?> PickingTimedOutAsync()
    {
        var timedOut = Ending.Failed(FulfilmentFailureReason.PickingTimeout, ReleaseMode.Restock, $"not packed within {settings.PickingTimeout}");
        CancelPickingJobStep.Result job;
        try
        {
            job = await CallAsync<CancelPickingJobStep.Result>(
                nameof(CancelPickingJobStep), new CancelPickingJobStep.Request(order.OrderId, timedOut.Reason), result => result.Detail, compensating: true);
        }
        catch (TaskFailedException e)
        {
            // As when compensation could not cancel it: CompensationFailed, the release not run.
            log.LogError(e, "Order {OrderId}: compensation step {StepName} failed", order.OrderId, e.TaskName);
            undoFailed = (e.TaskName, ErrorOf(e));
            return timedOut;
        }

        compensations.Pop(); // Undo.CancelPickingJob: done (or, for a PACKED job, not to be done)
        if (job.Packed is not null)
        {
            Update(status.Record(WorkflowEvents.OrderPacked, Now, "from the PACKED picking job at the picking timeout"));
            packed = true;
            compensations.Push(Undo.CancelPickingJob); // skipped while packed, as after a received order-packed
            return null;
        }

        if (job.ShortPick is { } shortPick)
        {
            Update(status.Record(WorkflowEvents.OrderShortPicked, Now, "from the SHORT picking job at the picking timeout"));
            return Ending.ShortPicked(shortPick);
        }

        return timedOut;
    }
}
