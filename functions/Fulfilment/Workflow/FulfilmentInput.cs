namespace Fulfilment.Workflow;

/// <summary>
/// The input of <see cref="FulfilmentOrchestration"/>: the order and the settings copied at start. A plain record that
/// round-trips under the default System.Text.Json settings of every Durable host.
/// </summary>
public sealed record FulfilmentInput(FulfilmentOrder Order, WorkflowSettings Settings);
