using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>
/// The client side of the workflow's host, as <see cref="WorkflowDispatcher"/> uses it: start an order's instance
/// (id <see cref="WorkflowInstanceId.For"/> the orderId) unless one exists, raise an event into one, and read an
/// order's status (to reconcile a carrier event that reached a finished instance).
/// <see cref="DurableWorkflowHost"/> implements it on Durable's client for the Function App and the sandbox. An
/// existing, unknown or finished instance is an outcome, never an exception; a transient failure of the host throws
/// (the message is redelivered).
/// </summary>
public interface IWorkflowHost
{
    /// <summary>Starts <see cref="FulfilmentOrchestration"/> for <paramref name="order"/> unless its instance exists (running or finished).</summary>
    Task<StartOutcome> StartFulfilmentAsync(FulfilmentOrder order, CancellationToken cancellationToken);

    /// <summary>
    /// Starts <see cref="CancelledBeforeStartOrchestration"/> as the cancelled order's instance unless that instance
    /// exists (running or finished): an order-cancelled that arrived before its order-completed.
    /// </summary>
    Task<StartOutcome> StartCancelledBeforeStartAsync(OrderCancelled cancellation, CancellationToken cancellationToken);

    /// <summary>Raises <paramref name="eventName"/> (one of <see cref="WorkflowEvents"/>) with its contract-JSON payload.</summary>
    Task<RaiseOutcome> RaiseEventAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken);

    /// <summary>The order's fulfilment status and where its instance is; null for an order Fulfilment has never seen.</summary>
    Task<FulfilmentSnapshot?> GetAsync(Guid orderId, CancellationToken cancellationToken);
}
