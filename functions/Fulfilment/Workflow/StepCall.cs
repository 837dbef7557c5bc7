namespace Fulfilment.Workflow;

/// <summary>One attempt of one step, as <see cref="InMemoryWorkflowRuntime"/> records it; <see cref="Error"/> is null on success.</summary>
public sealed record StepCall(string Step, int Attempt, DateTimeOffset At, string? Error = null)
{
    public bool Succeeded => Error is null;
}
