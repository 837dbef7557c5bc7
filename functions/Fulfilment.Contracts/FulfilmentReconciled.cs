using System.Text.Json.Serialization;

namespace Fulfilment.Contracts;

/// <summary>
/// Fulfilment event → ordering: the carrier reported on an order whose fulfilment had already ended (failed,
/// cancelled, …), and Fulfilment squared its books with it. A delivered parcel's units are consumed — taken back from
/// sale if they had been put back (<see cref="ReconciliationAction.ReclaimedFromStock"/>; <see cref="Shortfall"/>
/// units had been sold again and their products are flagged for a count). A shipment-created only tells that the
/// parcel left after all (<see cref="ReconciliationAction.NothingToDo"/>: the stock waits for the delivery).
/// Published once per carrier event (MessageId from the orderId, the event and the shipmentId).
/// </summary>
public sealed record FulfilmentReconciled(
    Guid OrderId,
    CarrierEventName Event,
    PreviousOutcome PreviousOutcome,
    ReconciliationAction Action,
    DateTimeOffset ReconciledAt,
    Guid? ReservationId = null,
    Guid? ShipmentId = null,
    int? Shortfall = null,
    string? Detail = null);

/// <summary>The carrier event that was reconciled, by its wire name (fulfilment-reconciled.event).</summary>
public enum CarrierEventName
{
    [JsonStringEnumMemberName(MessageNames.ShipmentCreated)] ShipmentCreated,
    [JsonStringEnumMemberName(MessageNames.ShipmentDelivered)] ShipmentDelivered,
}

/// <summary>How the order's fulfilment had ended before the carrier event arrived (fulfilment-reconciled.previousOutcome).</summary>
public enum PreviousOutcome
{
    [JsonStringEnumMemberName("FAILED")] Failed,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
    [JsonStringEnumMemberName("COMPENSATION_FAILED")] CompensationFailed,
    [JsonStringEnumMemberName("ALREADY_FULFILLED")] AlreadyFulfilled,
}

/// <summary>What reconciling did to the books (fulfilment-reconciled.action).</summary>
public enum ReconciliationAction
{
    /// <summary>The reservation was still held: its units left the books as delivered.</summary>
    [JsonStringEnumMemberName("CONSUMED")] Consumed,

    /// <summary>The reservation had been released (units back on sale): they were taken back from sale and consumed.</summary>
    [JsonStringEnumMemberName("RECLAIMED_FROM_STOCK")] ReclaimedFromStock,

    /// <summary>Nothing to change: a shipment-created, units already off the books (written off), or no reservation of this order.</summary>
    [JsonStringEnumMemberName("NOTHING_TO_DO")] NothingToDo,
}
