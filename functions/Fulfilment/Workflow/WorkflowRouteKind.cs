namespace Fulfilment.Workflow;

/// <summary>The kinds of <see cref="WorkflowRoute"/>.</summary>
public enum WorkflowRouteKind
{
    Start,
    Raise,
    DeadLetter,
    NotForWorkflow,
}
