using Microsoft.DurableTask;

namespace Fulfilment.Workflow;

/// <summary>A workflow step as a Durable activity (in-process hosts; the Function App has one <c>[Function]</c> per step instead).</summary>
internal sealed class StepActivity<TRequest, TResult>(IWorkflowStep<TRequest, TResult> step) : TaskActivity<TRequest, TResult>
{
    public override Task<TResult> RunAsync(TaskActivityContext context, TRequest input) => step.RunAsync(input);
}
