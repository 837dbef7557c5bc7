using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>The input of <see cref="CancelledBeforeStartOrchestration"/>: the early order-cancelled and the settings copied at start.</summary>
public sealed record CancelledBeforeStartInput(OrderCancelled Cancellation, WorkflowSettings Settings);
