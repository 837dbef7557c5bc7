namespace Fulfilment.Workflow;

/// <summary>One line of a fulfilment's timeline: a step run, an event received, a timeout, a refusal.</summary>
public sealed record TimelineEntry(string Name, DateTimeOffset At, string? Detail = null);
