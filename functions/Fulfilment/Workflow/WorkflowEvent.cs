namespace Fulfilment.Workflow;

/// <summary>
/// An inbound message as the workflow receives it on <see cref="WorkflowEvents.Channel"/>: its kind (one of
/// <see cref="WorkflowEvents"/>) and the message's contract JSON, already validated by <see cref="WorkflowRouter"/>.
/// </summary>
public sealed record WorkflowEvent(string Name, string Payload);
