namespace Fulfilment.Workflow;

/// <summary>What became of an event raised to a workflow instance. None of these is an error for the caller.</summary>
public enum RaiseOutcome
{
    /// <summary>The instance has it: taken by its wait now, or kept (in arrival order) until a wait wants it.</summary>
    Delivered,

    /// <summary>
    /// No instance for that id: logged. <see cref="WorkflowDispatcher"/> starts a cancelled instance for an
    /// order-cancelled and dead-letters any other event (NoFulfilmentForOrder).
    /// </summary>
    UnknownInstance,

    /// <summary>The instance has finished (a late or duplicate event): logged and dropped.</summary>
    InstanceFinished,
}
