namespace Fulfilment.Workflow;

/// <summary>What a start did. A start for an existing instance (running or finished) is a no-op.</summary>
public enum StartOutcome
{
    Started,
    AlreadyExists,
}
