using Fulfilment.Contracts;
using Fulfilment.Workflow;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// <see cref="IWorkflowHost"/> over <see cref="InMemoryWorkflowRuntime"/>: what Durable's client is to the Function
/// App. Starts the order's instance as <see cref="FulfilmentWorkflow"/> or <see cref="CancelledBeforeStartWorkflow"/>
/// (the runtime's start-if-absent is atomic, so of two racing starts exactly one wins) and raises events into it.
/// </summary>
internal sealed class InMemoryWorkflowHost(
    InMemoryWorkflowRuntime runtime,
    FulfilmentWorkflow fulfilment,
    CancelledBeforeStartWorkflow cancelledBeforeStart) : IWorkflowHost
{
    public Task<StartOutcome> StartFulfilmentAsync(FulfilmentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return runtime.StartAsync(order.InstanceId, context => fulfilment.RunAsync(context, order));
    }

    public Task<StartOutcome> StartCancelledBeforeStartAsync(OrderCancelled cancellation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        return runtime.StartAsync(WorkflowInstanceId.For(cancellation.OrderId), context => cancelledBeforeStart.RunAsync(context, cancellation));
    }

    public Task<RaiseOutcome> RaiseEventAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken) =>
        runtime.RaiseEventAsync(instanceId, eventName, payload);
}
