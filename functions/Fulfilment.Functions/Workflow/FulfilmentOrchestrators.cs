using Fulfilment.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fulfilment.Functions.Workflow;

/// <summary>
/// The two orchestrators of the workflow, under the names persisted in Durable history (versioned, docs/workflow.md
/// "Versioning"). Each is the core's orchestration as it is: the input is bound from the parameter that carries no
/// binding (the extension's orchestration input converter), and the returned status is the orchestration's output.
/// </summary>
public static class FulfilmentOrchestrators
{
    [Function(FulfilmentOrchestration.Name)]
    public static Task<FulfilmentStatus> Fulfil([OrchestrationTrigger] TaskOrchestrationContext context, FulfilmentInput input) =>
        FulfilmentOrchestration.RunAsync(context, input);

    [Function(CancelledBeforeStartOrchestration.Name)]
    public static Task<FulfilmentStatus> CancelBeforeStart([OrchestrationTrigger] TaskOrchestrationContext context, CancelledBeforeStartInput input) =>
        CancelledBeforeStartOrchestration.RunAsync(context, input);
}
