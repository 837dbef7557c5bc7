using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// Reconciles a carrier event that reached an order whose fulfilment has ended (docs/workflow.md, "Reconciliation"):
/// <see cref="WorkflowDispatcher"/> calls it with the finished fulfilment's status. Completed: a duplicate, nothing to
/// do and nothing published. Any other ending: a shipment-delivered takes the reservation's units off the books
/// whatever became of it (<see cref="ReservationLedger.ReconcileDeliveryAsync"/>: consumed if still held, taken back
/// from sale if released); a shipment-created changes nothing (the stock waits for the delivery). Either way
/// fulfilment-reconciled tells ordering what was done, under a MessageId from the orderId, the carrier event and its
/// shipment. Idempotent: a redelivered carrier event finds the books squared and says the same again.
/// </summary>
public sealed partial class FulfilmentReconciler(
    ReservationLedger reservations, IMessagePublisher publisher, TimeProvider time, ILogger<FulfilmentReconciler> logger)
{
    /// <summary>A delivery after the end: returns what was published, or null when the fulfilment had completed.</summary>
    public async Task<FulfilmentReconciled?> ReconcileDeliveredAsync(FulfilmentStatus ended, ShipmentDelivered delivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        ArgumentNullException.ThrowIfNull(delivered);
        if (EndingToReconcile(ended, MessageNames.ShipmentDelivered) is not { } previous)
        {
            return null;
        }

        var (action, shortfall, detail) = ended.ReservationId is { } reservationId
            ? await TakeOffTheBooksAsync(reservationId, ended.OrderId, cancellationToken).ConfigureAwait(false)
            : (ReconciliationAction.NothingToDo, null, "no reservation was linked to the order");
        return await PublishAsync(
            new FulfilmentReconciled(
                ended.OrderId, CarrierEventName.ShipmentDelivered, previous, action, time.GetUtcNow(), ended.ReservationId, delivered.ShipmentId, shortfall, detail),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A shipment created after the end: returns what was published, or null when the fulfilment had completed.</summary>
    public async Task<FulfilmentReconciled?> ReconcileCreatedAsync(FulfilmentStatus ended, ShipmentCreated created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        ArgumentNullException.ThrowIfNull(created);
        if (EndingToReconcile(ended, MessageNames.ShipmentCreated) is not { } previous)
        {
            return null;
        }

        return await PublishAsync(
            new FulfilmentReconciled(
                ended.OrderId, CarrierEventName.ShipmentCreated, previous, ReconciliationAction.NothingToDo, time.GetUtcNow(), ended.ReservationId,
                created.ShipmentId, Detail: "the parcel left after the fulfilment ended; its stock is settled when it is delivered"),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How the fulfilment ended, to report; null (logged) for Completed: the carrier event is a duplicate.</summary>
    private PreviousOutcome? EndingToReconcile(FulfilmentStatus ended, string carrierEvent)
    {
        var previous = PreviousOutcomeOf(ended);
        if (previous is null)
        {
            LogAlreadyCompleted(ended.OrderId, carrierEvent);
        }

        return previous;
    }

    private static PreviousOutcome? PreviousOutcomeOf(FulfilmentStatus ended) => ended.Outcome switch
    {
        FulfilmentOutcome.Completed => null,
        FulfilmentOutcome.Failed => PreviousOutcome.Failed,
        FulfilmentOutcome.Cancelled => PreviousOutcome.Cancelled,
        FulfilmentOutcome.CompensationFailed => PreviousOutcome.CompensationFailed,
        FulfilmentOutcome.AlreadyFulfilled => PreviousOutcome.AlreadyFulfilled,
        _ => throw new ArgumentException($"The fulfilment of order {ended.OrderId:D} has not ended.", nameof(ended)),
    };

    /// <summary>What the ledger did, told from the reservation as it now stands (so a redelivery tells the same).</summary>
    private async Task<(ReconciliationAction Action, int? Shortfall, string Detail)> TakeOffTheBooksAsync(
        Guid reservationId, Guid orderId, CancellationToken cancellationToken)
    {
        var result = await reservations.ReconcileDeliveryAsync(reservationId, orderId, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            { Succeeded: true, Reservation: { Reason: ReleaseReasons.DeliveredAfterRelease } r } => Reclaimed(r),
            { Succeeded: true, Reservation: { Reason: ReleaseReasons.Delivered } } =>
                (ReconciliationAction.Consumed, null, "the reservation was still held: consumed as delivered"),
            { Succeeded: true, Reservation: { } r } =>
                (ReconciliationAction.NothingToDo, null, $"the units had already left the books (written off: {r.Reason})"),
            { Outcome: ReservationOutcome.NotFound or ReservationOutcome.LinkedToAnotherOrder } =>
                (ReconciliationAction.NothingToDo, null, $"reservation {reservationId:D} is not this order's ({result.Detail})"),
            _ => throw new InvalidOperationException($"Reconciling the delivery of reservation {reservationId:D} gave {result.Outcome}: {result.Detail}"),
        };
    }

    private static (ReconciliationAction, int?, string) Reclaimed(Reservation reservation)
    {
        var shortfall = reservation.Shortfall.Sum(l => l.Quantity);
        var detail = shortfall == 0
            ? "the units had been put back on sale: taken back"
            : $"the units had been put back on sale: {shortfall} had been sold again and could not be taken back "
              + $"(products flagged for a count: {string.Join(", ", reservation.Shortfall.Select(l => l.ProductId.ToString("D")))})";
        return (ReconciliationAction.ReclaimedFromStock, shortfall, detail);
    }

    private async Task<FulfilmentReconciled> PublishAsync(FulfilmentReconciled reconciled, CancellationToken cancellationToken)
    {
        var carrierEvent = reconciled.Event == CarrierEventName.ShipmentCreated ? MessageNames.ShipmentCreated : MessageNames.ShipmentDelivered;
        var message = OutgoingMessage.Create(
            MessageNames.FulfilmentReconciled, reconciled, $"{reconciled.OrderId:D}/{carrierEvent}/{reconciled.ShipmentId:D}", reconciled.OrderId);
        await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (reconciled.Shortfall > 0)
        {
            LogShortfall(reconciled.OrderId, carrierEvent, reconciled.PreviousOutcome, reconciled.Shortfall.Value);
        }
        else
        {
            LogReconciled(reconciled.OrderId, carrierEvent, reconciled.PreviousOutcome, reconciled.Action);
        }

        return reconciled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: {CarrierEvent} after the fulfilment completed: a duplicate, nothing to reconcile")]
    private partial void LogAlreadyCompleted(Guid orderId, string carrierEvent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: {CarrierEvent} after the fulfilment ended {PreviousOutcome}: reconciled, {Action}")]
    private partial void LogReconciled(Guid orderId, string carrierEvent, PreviousOutcome previousOutcome, ReconciliationAction action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: {CarrierEvent} after the fulfilment ended {PreviousOutcome}: {Shortfall} delivered units had been sold again; their products are flagged for a count")]
    private partial void LogShortfall(Guid orderId, string carrierEvent, PreviousOutcome previousOutcome, int shortfall);
}
