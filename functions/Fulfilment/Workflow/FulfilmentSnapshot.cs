namespace Fulfilment.Workflow;

/// <summary>
/// An order's fulfilment as the status endpoint reports it: the orchestration's status, where its Durable instance
/// is, and the engine's error when the orchestration itself faulted (a defect, never a business outcome).
/// </summary>
public sealed record FulfilmentSnapshot(FulfilmentStatus Status, WorkflowInstanceState State, string? Fault = null);
