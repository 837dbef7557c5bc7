namespace Fulfilment.Workflow;

/// <summary>Where an order's fulfilment stands (status "stage").</summary>
public enum WorkflowStage
{
    LinkingReservation,
    CreatingPickingJob,
    AwaitingPacking,
    PublishingReadyForShipping,
    AwaitingShipment,
    AwaitingDelivery,
    ConsumingReservation,
    Compensating,
    Finished,

    /// <summary>Cancelled before order-completed (<see cref="CancelledBeforeStartOrchestration"/>): nothing was started. Last, so earlier values keep their numbers.</summary>
    NotStarted,
}
