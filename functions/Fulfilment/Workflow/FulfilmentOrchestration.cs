using Microsoft.DurableTask;

namespace Fulfilment.Workflow;

/// <summary>
/// The order-fulfilment orchestration (one instance per order, id <see cref="WorkflowInstanceId.For"/> the orderId):
/// link the reservation → create the picking job → wait for packing → publish order-ready-for-shipping → wait for
/// the shipment → wait for delivery → consume the reservation; every undo step is registered before its forward
/// step and run in reverse. Written against <see cref="TaskOrchestrationContext"/> only; the Function App's
/// <c>[Function(Name)]</c> wrapper and the in-process engine (tests, sandbox) both call <see cref="RunAsync"/>.
/// </summary>
public static class FulfilmentOrchestration
{
    /// <summary>
    /// The orchestrator's name, persisted in Durable history. Versioned: a change that would replay differently for
    /// an order in flight ships as a new name beside this one (docs/workflow.md, "Versioning").
    /// </summary>
    public const string Name = "FulfilmentV1";

    /// <summary>Runs one order to a terminal status and returns it (also the last custom status).</summary>
    public static Task<FulfilmentStatus> RunAsync(TaskOrchestrationContext context, FulfilmentInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new FulfilmentRun(context, input.Order, input.Settings).RunAsync();
    }
}
