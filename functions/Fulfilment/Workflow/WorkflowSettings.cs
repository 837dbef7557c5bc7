namespace Fulfilment.Workflow;

/// <summary>
/// Every setting the orchestration uses, copied into its input when the order's instance starts
/// (<see cref="FulfilmentInput"/>): the orchestrator never reads configuration, so a changed app setting never changes
/// an order in flight, and a replay always sees the values the first execution saw.
/// </summary>
public sealed record WorkflowSettings(
    TimeSpan PickingTimeout,
    TimeSpan ShipmentCreationTimeout,
    TimeSpan DeliveryTimeout,
    RetrySettings StepRetry,
    RetrySettings CompensationRetry)
{
    /// <summary>The timeout of the wait a stage parks in.</summary>
    public TimeSpan TimeoutOf(WorkflowStage stage) => stage switch
    {
        WorkflowStage.AwaitingPacking => PickingTimeout,
        WorkflowStage.AwaitingShipment => ShipmentCreationTimeout,
        WorkflowStage.AwaitingDelivery => DeliveryTimeout,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a waiting stage"),
    };

    /// <summary>The same settings with every timeout multiplied by <paramref name="factor"/> (the sandbox maps scenario time onto real timers).</summary>
    public WorkflowSettings WithTimeoutsScaledBy(double factor) => this with
    {
        PickingTimeout = PickingTimeout * factor,
        ShipmentCreationTimeout = ShipmentCreationTimeout * factor,
        DeliveryTimeout = DeliveryTimeout * factor,
    };
}
