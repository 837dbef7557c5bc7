namespace Fulfilment.Workflow;

/// <summary>The terminal status of a fulfilment; absent while the workflow runs.</summary>
public enum FulfilmentOutcome
{
    /// <summary>Delivered and the reservation consumed.</summary>
    Completed,

    /// <summary>Could not be delivered; compensated; fulfilment-failed published.</summary>
    Failed,

    /// <summary>A cancellation was honoured; compensated; fulfilment-cancelled published.</summary>
    Cancelled,

    /// <summary>A compensation step kept failing after its retries: needs an operator (see the reason).</summary>
    CompensationFailed,

    /// <summary>
    /// This order's fulfilment had run before (its reservation is already settled for it; its old instance was purged):
    /// a redelivered or resubmitted order-completed. Nothing done, nothing published.
    /// </summary>
    AlreadyFulfilled,
}
