using DurableTask.Core.Exceptions;
using Fulfilment.Contracts;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// <see cref="IWorkflowHost"/> on Durable's <see cref="DurableTaskClient"/> — the one the Function App (its
/// <c>[DurableClient]</c>) and the sandbox (the in-process engine's client) both use. It designs around Durable's
/// client pitfalls: a start for an existing id would restart or replace that instance, so it looks first and
/// treats "exists" as done (a racing start is caught by the dedupe statuses); an event raised to a missing id
/// would never be delivered (and the in-process engine retries it forever), and to a finished one is dropped or
/// thrown as a raw <see cref="RpcException"/> by the Azure Storage backend, so it looks first and maps both to an
/// outcome. Transient failures of the backend propagate (the message is redelivered).
/// </summary>
public sealed partial class DurableWorkflowHost(DurableTaskClient client, WorkflowSettings settings, ILogger<DurableWorkflowHost> logger) : IWorkflowHost
{
    private static readonly OrchestrationRuntimeStatus[] AnyStatus =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
    ];

    public Task<StartOutcome> StartFulfilmentAsync(FulfilmentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return StartIfAbsentAsync(FulfilmentOrchestration.Name, order.InstanceId, new FulfilmentInput(order, settings), cancellationToken);
    }

    public Task<StartOutcome> StartCancelledBeforeStartAsync(OrderCancelled cancellation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        return StartIfAbsentAsync(
            CancelledBeforeStartOrchestration.Name, WorkflowInstanceId.For(cancellation.OrderId), new CancelledBeforeStartInput(cancellation, settings), cancellationToken);
    }

    public async Task<RaiseOutcome> RaiseEventAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            LogUnknownInstance(eventName, instanceId);
            return RaiseOutcome.UnknownInstance;
        }

        if (instance.IsCompleted)
        {
            LogInstanceFinished(eventName, instanceId, instance.RuntimeStatus);
            return RaiseOutcome.InstanceFinished;
        }

        try
        {
            await client.RaiseEventAsync(instanceId, WorkflowEvents.Channel, new WorkflowEvent(eventName, payload), cancellationToken).ConfigureAwait(false);
            return RaiseOutcome.Delivered;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            // It finished between the look and the raise (the Azure Storage backend refuses events for finished instances).
            LogInstanceFinished(eventName, instanceId, OrchestrationRuntimeStatus.Completed);
            return RaiseOutcome.InstanceFinished;
        }
    }

    public async Task<FulfilmentSnapshot?> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(WorkflowInstanceId.For(orderId), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return null;
        }

        var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<FulfilmentStatus>();
        var state = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => WorkflowInstanceState.Completed,
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => WorkflowInstanceState.Faulted,
            _ => WorkflowInstanceState.Running,
        };
        return new FulfilmentSnapshot(status ?? FulfilmentStatus.Begin(orderId), state, instance.FailureDetails?.ErrorMessage);
    }

    private async Task<StartOutcome> StartIfAbsentAsync(string orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is not null)
        {
            LogAlreadyExists(instanceId);
            return StartOutcome.AlreadyExists;
        }

        try
        {
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(AnyStatus);
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken).ConfigureAwait(false);
            LogStarted(orchestrator, instanceId);
            return StartOutcome.Started;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            LogAlreadyExists(instanceId);
            return StartOutcome.AlreadyExists;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Orchestrator} as {InstanceId}")]
    private partial void LogStarted(string orchestrator, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{InstanceId} exists already: start is a no-op")]
    private partial void LogAlreadyExists(string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventName} for {InstanceId}: no such instance")]
    private partial void LogUnknownInstance(string eventName, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventName} for {InstanceId}: the instance has finished ({RuntimeStatus})")]
    private partial void LogInstanceFinished(string eventName, string instanceId, OrchestrationRuntimeStatus runtimeStatus);
}
