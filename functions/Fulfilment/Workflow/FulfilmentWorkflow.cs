using Microsoft.Extensions.Options;

namespace Fulfilment.Workflow;

/// <summary>
/// The order-fulfilment workflow (one instance per order, see <see cref="WorkflowInstanceId"/>): link the
/// reservation → create the picking job → wait for packing → publish order-ready-for-shipping → wait for the
/// shipment → wait for delivery → consume the reservation. Every undo step is registered before its forward step
/// and undone in reverse. The orchestrator body of the Durable adapter and of <see cref="InMemoryWorkflowRuntime"/>:
/// it talks to its host only through <see cref="IWorkflowContext"/>.
/// </summary>
public sealed class FulfilmentWorkflow(IOptions<WorkflowOptions> options)
{
    /// <summary>Runs one order to a terminal status and returns it (also the last status set on the context).</summary>
    public Task<FulfilmentStatus> RunAsync(IWorkflowContext context, FulfilmentOrder order)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(order);
        return new FulfilmentRun(context, order, options.Value).RunAsync();
    }
}
