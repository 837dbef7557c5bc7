namespace Fulfilment.Workflow;

/// <summary>The host's view of an instance (Durable's runtime status), as opposed to its business status.</summary>
public enum WorkflowInstanceState
{
    Running,
    Completed,

    /// <summary>The orchestration threw (a defect, never a business outcome).</summary>
    Faulted,
}
