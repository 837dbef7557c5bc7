namespace Fulfilment.Workflow;

/// <summary>
/// An external event as the workflow receives it: one of <see cref="WorkflowEvents"/>' names and the inbound
/// message's contract JSON (already validated by <see cref="WorkflowRouter"/>). A string payload keeps the event
/// type identical for every name, which Durable requires of waits that share a name.
/// </summary>
public sealed record WorkflowEvent(string Name, string Payload);
