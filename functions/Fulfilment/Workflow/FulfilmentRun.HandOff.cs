using Fulfilment.Shipping;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// The hand-off: from the moment order-ready-for-shipping may have gone out until the carrier's confirmation
/// (shipment-created, from its callback or its 201 answer), create-shipment may already be with the carrier. A
/// cancellation, the shipment-creation timeout or a failure of the ready-for-shipping step puts the stock back on
/// sale only once it is certain that no parcel leaves: Shipping cancels the shipment before it is sent, or the
/// carrier cancels it (<see cref="CancelShipmentStep"/>). If the carrier has the parcel, the cancellation is refused
/// and the order goes on to delivery; if Shipping cannot tell, the stock stays reserved and an operator decides.
/// </summary>
internal sealed partial class FulfilmentRun
{
    private enum HandOff
    {
        Cancelled,
        CarrierHasTheParcel,
        Uncertain,
    }

    /// <summary>Asks Shipping to make sure no parcel leaves, before <paramref name="ending"/> may restock.</summary>
    private async Task<(HandOff Outcome, string Detail)> StopTheHandOffAsync(Ending ending)
    {
        try
        {
            var stopped = await CallAsync<CancelShipmentStep.Result>(
                nameof(CancelShipmentStep), new CancelShipmentStep.Request(order.OrderId, ending.Reason), result => $"{result.Outcome}: {result.Detail}", compensating: true);
            if (stopped.Outcome == ShipmentCancellationOutcome.Cancelled)
            {
                return (HandOff.Cancelled, stopped.Detail);
            }

            log.LogWarning("Order {OrderId}: {Reason} at {Stage}, but the carrier has the parcel: fulfilment goes on", order.OrderId, ending.Reason, status.Stage);
            return (HandOff.CarrierHasTheParcel, stopped.Detail);
        }
        catch (TaskFailedException e)
        {
            log.LogError(e, "Order {OrderId}: could not make sure the shipment is stopped; the stock stays reserved", order.OrderId);
            return (HandOff.Uncertain, $"{e.TaskName} failed: {ErrorOf(e)}");
        }
    }

    /// <summary>
    /// An ending during the hand-off: it stands once the shipment is stopped; the carrier having the parcel turns
    /// it into "go on" (null); an unanswerable Shipping turns it into CompensationFailed with the stock still reserved.
    /// </summary>
    private async Task<Ending?> EndTheHandOffAsync(Ending ending)
    {
        var (outcome, detail) = await StopTheHandOffAsync(ending);
        switch (outcome)
        {
            case HandOff.Cancelled:
                return ending;
            case HandOff.CarrierHasTheParcel:
                Update(status.Record("CarrierHasTheParcel", Now, $"{ending.Reason}: {detail}"));
                return null;
            default:
                return Ending.ShipmentNotStopped(ending, detail);
        }
    }

    /// <summary>A cancellation during the hand-off: honoured once the shipment is stopped; refused if the carrier has the parcel.</summary>
    private async Task<Ending?> CancelDuringTheHandOffAsync(Ending cancellation)
    {
        var (outcome, detail) = await StopTheHandOffAsync(cancellation);
        switch (outcome)
        {
            case HandOff.Cancelled:
                return cancellation;
            case HandOff.CarrierHasTheParcel:
                await RefuseAsync(cancellation, "the carrier has the parcel");
                return null;
            default:
                return Ending.ShipmentNotStopped(cancellation, detail);
        }
    }
}
