using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// What every workflow adapter does with an inbound message (Service Bus triggers, the sandbox bus): route it
/// (<see cref="WorkflowRouter"/>), start or raise through the <see cref="IWorkflowHost"/>, and say how to settle it.
/// The adapter only binds the message, calls this and applies the <see cref="Settlement"/>. An order-cancelled for
/// an order with no instance yet starts the order's instance as <see cref="CancelledBeforeStartOrchestration"/>, so the
/// cancellation wins over a later order-completed; any other event for an unknown instance is dead-lettered. A
/// shipment-created or shipment-delivered for a finished instance is reconciled (<see cref="FulfilmentReconciler"/>);
/// any other event for a finished instance is late or a duplicate, and dropped.
/// </summary>
public sealed partial class WorkflowDispatcher(WorkflowRouter router, FulfilmentReconciler reconciler, ILogger<WorkflowDispatcher> logger)
{
    /// <summary>
    /// Returns how to settle the message, or null when it is not for the workflow (a release-inventory of a
    /// reservation no workflow has linked: the adapter hands it to Inventory's release handler). A transient
    /// failure of the router's storage or of the host throws: the message is abandoned and redelivered.
    /// </summary>
    public async Task<Settlement?> DispatchAsync(IWorkflowHost host, string messageName, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var route = await router.RouteAsync(messageName, body, cancellationToken).ConfigureAwait(false);
        switch (route.Kind)
        {
            case WorkflowRouteKind.Start:
                // AlreadyExists is done too: a duplicate order-completed, or one whose cancellation came first.
                await host.StartFulfilmentAsync(route.Order!, cancellationToken).ConfigureAwait(false);
                return Settlement.Complete;
            case WorkflowRouteKind.Raise:
                return await RaiseAsync(host, route, cancellationToken).ConfigureAwait(false);
            case WorkflowRouteKind.DeadLetter:
                return Settlement.DeadLetter(route.Reason!, route.Description!);
            default:
                return null;
        }
    }

    private async Task<Settlement> RaiseAsync(IWorkflowHost host, WorkflowRoute route, CancellationToken cancellationToken)
    {
        var raised = await host.RaiseEventAsync(route.InstanceId!, route.EventName!, route.Payload!, cancellationToken).ConfigureAwait(false);
        if (raised == RaiseOutcome.UnknownInstance && route.EventName == WorkflowEvents.OrderCancelled)
        {
            raised = await CancelBeforeStartAsync(host, route, cancellationToken).ConfigureAwait(false);
        }

        if (raised == RaiseOutcome.InstanceFinished && route.EventName is WorkflowEvents.ShipmentCreated or WorkflowEvents.ShipmentDelivered)
        {
            return await ReconcileAsync(host, route, cancellationToken).ConfigureAwait(false);
        }

        // Unknown: resubmittable once the order exists; finished: a late or duplicate event, dropped.
        return raised == RaiseOutcome.UnknownInstance
            ? NoFulfilment(route)
            : Settlement.Complete;
    }

    /// <summary>
    /// A carrier event for a finished fulfilment: reconciled on its status. An orchestration that faulted (a defect:
    /// no outcome to go by) cannot be reconciled automatically: dead-lettered for an operator.
    /// </summary>
    private async Task<Settlement> ReconcileAsync(IWorkflowHost host, WorkflowRoute route, CancellationToken cancellationToken)
    {
        WorkflowInstanceId.TryParse(route.InstanceId, out var orderId);
        var snapshot = await host.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return NoFulfilment(route); // purged since the raise looked
        }

        if (snapshot.State == WorkflowInstanceState.Faulted || snapshot.Status.Outcome is null)
        {
            LogFaulted(orderId, route.EventName!, snapshot.Fault);
            return Settlement.DeadLetter(
                WorkflowRoute.FulfilmentFaulted, $"{route.InstanceId} faulted ({snapshot.Fault}): {route.EventName} cannot be reconciled automatically");
        }

        if (route.EventName == WorkflowEvents.ShipmentCreated)
        {
            await reconciler.ReconcileCreatedAsync(snapshot.Status, ContractJson.Deserialize<ShipmentCreated>(route.Payload!), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await reconciler.ReconcileDeliveredAsync(snapshot.Status, ContractJson.Deserialize<ShipmentDelivered>(route.Payload!), cancellationToken).ConfigureAwait(false);
        }

        return Settlement.Complete;
    }

    private static Settlement NoFulfilment(WorkflowRoute route) =>
        Settlement.DeadLetter(WorkflowRoute.NoFulfilmentForOrder, $"no fulfilment workflow {route.InstanceId}");

    /// <summary>
    /// order-cancelled before order-completed: start the order's instance as cancelled. If that start finds the
    /// instance (order-completed won the race meanwhile), the cancellation goes to it like any other.
    /// </summary>
    private async Task<RaiseOutcome> CancelBeforeStartAsync(IWorkflowHost host, WorkflowRoute route, CancellationToken cancellationToken)
    {
        var cancellation = ContractJson.Deserialize<OrderCancelled>(route.Payload!);
        var started = await host.StartCancelledBeforeStartAsync(cancellation, cancellationToken).ConfigureAwait(false);
        if (started == StartOutcome.Started)
        {
            LogCancelledBeforeStart(cancellation.OrderId, route.InstanceId!);
            return RaiseOutcome.Delivered;
        }

        LogStartRaceLost(cancellation.OrderId, route.InstanceId!);
        return await host.RaiseEventAsync(route.InstanceId!, route.EventName!, route.Payload!, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} cancelled before order-completed: {InstanceId} started as cancelled")]
    private partial void LogCancelledBeforeStart(Guid orderId, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId}: {EventName} for a faulted fulfilment ({Fault}): dead-lettered for an operator")]
    private partial void LogFaulted(Guid orderId, string eventName, string? fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: {InstanceId} appeared meanwhile; the cancellation is raised into it")]
    private partial void LogStartRaceLost(Guid orderId, string instanceId);
}
