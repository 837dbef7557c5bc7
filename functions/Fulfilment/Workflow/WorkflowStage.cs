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
}
