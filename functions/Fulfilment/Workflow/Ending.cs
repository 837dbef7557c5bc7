using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>Why a run stops short of delivery, and how its reservation is to be given back.</summary>
internal sealed record Ending(
    FulfilmentOutcome Outcome,
    string Reason,
    ReleaseMode Mode,
    FulfilmentFailureReason? FailureReason = null,
    CancellationReason? CancellationReason = null,
    string? Detail = null,
    Guid? ShortPickedProductId = null,
    int MissingUnits = 0,
    string? ShipmentNotStoppedBecause = null)
{
    public static Ending Failed(FulfilmentFailureReason reason, ReleaseMode mode, string? detail = null) =>
        new(FulfilmentOutcome.Failed, WireName.Of(reason), mode, FailureReason: reason, Detail: detail);

    public static Ending Cancelled(CancellationReason reason, string detail) =>
        new(FulfilmentOutcome.Cancelled, "ORDER_CANCELLED", ReleaseMode.Restock, CancellationReason: reason, Detail: detail);

    public static Ending ShortPicked(OrderShortPicked shortPick) =>
        new(FulfilmentOutcome.Failed, WireName.Of(FulfilmentFailureReason.ShortPick), ReleaseMode.ShortPick,
            FailureReason: FulfilmentFailureReason.ShortPick,
            Detail: $"{shortPick.ProductId:D}: picked {shortPick.Picked} of {shortPick.Requested} ({shortPick.Reason})",
            ShortPickedProductId: shortPick.ProductId,
            MissingUnits: shortPick.Requested - shortPick.Picked);

    public static Ending ShipmentFailed(ShipmentFailed failure) =>
        new(FulfilmentOutcome.Failed, WireName.Of(failure.Reason),
            failure.Reason is ShipmentFailureReason.Lost or ShipmentFailureReason.Damaged ? ReleaseMode.WriteOff : ReleaseMode.Restock,
            FailureReason: FulfilmentFailureReason.ShipmentFailed,
            Detail: $"{WireName.Of(failure.Reason)} (shipment {failure.ShipmentId:D})");

    /// <summary>
    /// <paramref name="ending"/> came during the hand-off and Shipping could not make sure no parcel leaves: nothing
    /// may be given back; the run ends CompensationFailed with the stock still reserved.
    /// </summary>
    public static Ending ShipmentNotStopped(Ending ending, string because) => ending with { ShipmentNotStoppedBecause = because };

    /// <summary>The order's fulfilment ran before: nothing to do, nothing to publish.</summary>
    public static Ending AlreadyFulfilled(string? detail) =>
        new(FulfilmentOutcome.AlreadyFulfilled, "ALREADY_FULFILLED", ReleaseMode.Restock, Detail: detail);

    /// <summary>A forward step failed on every attempt: undo what was done and give the stock back.</summary>
    public static Ending StepFailed(string stepName, string error) =>
        new(FulfilmentOutcome.Failed, "STEP_FAILED", ReleaseMode.Restock, FailureReason: FulfilmentFailureReason.StepFailed,
            Detail: $"Step {stepName} failed: {error}");
}
