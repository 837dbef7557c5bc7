namespace Fulfilment.Workflow;

/// <summary>The result of a publishing step: what went out, under which (deterministic) MessageId.</summary>
public sealed record PublishedMessage(string Name, string MessageId);
