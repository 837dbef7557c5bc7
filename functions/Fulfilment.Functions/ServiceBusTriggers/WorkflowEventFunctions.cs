using Azure.Messaging.ServiceBus;
using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fulfilment.Functions.ServiceBusTriggers;

/// <summary>The workflow's events, one trigger per topic subscription: each starts or raises through <see cref="WorkflowMessages"/>.</summary>
public sealed class WorkflowEventFunctions(WorkflowMessages workflow)
{
    [Function(nameof(OrderCompleted))]
    public Task OrderCompleted(
        [ServiceBusTrigger(MessageNames.OrderCompleted, Topology.Subscriptions.Fulfilment, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.OrderCompleted, message, new ServiceBusActions(actions), client, cancellationToken);

    [Function(nameof(OrderCancelled))]
    public Task OrderCancelled(
        [ServiceBusTrigger(MessageNames.OrderCancelled, Topology.Subscriptions.Fulfilment, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.OrderCancelled, message, new ServiceBusActions(actions), client, cancellationToken);

    [Function(nameof(OrderPacked))]
    public Task OrderPacked(
        [ServiceBusTrigger(MessageNames.OrderPacked, Topology.Subscriptions.Workflow, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.OrderPacked, message, new ServiceBusActions(actions), client, cancellationToken);

    [Function(nameof(OrderShortPicked))]
    public Task OrderShortPicked(
        [ServiceBusTrigger(MessageNames.OrderShortPicked, Topology.Subscriptions.Workflow, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.OrderShortPicked, message, new ServiceBusActions(actions), client, cancellationToken);

    [Function(nameof(ShipmentCreated))]
    public Task ShipmentCreated(
        [ServiceBusTrigger(MessageNames.ShipmentCreated, Topology.Subscriptions.Workflow, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.ShipmentCreated, message, new ServiceBusActions(actions), client, cancellationToken);

    [Function(nameof(ShipmentDelivered))]
    public Task ShipmentDelivered(
        [ServiceBusTrigger(MessageNames.ShipmentDelivered, Topology.Subscriptions.Workflow, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.ShipmentDelivered, message, new ServiceBusActions(actions), client, cancellationToken);

    [Function(nameof(ShipmentFailed))]
    public Task ShipmentFailed(
        [ServiceBusTrigger(MessageNames.ShipmentFailed, Topology.Subscriptions.Workflow, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.ShipmentFailed, message, new ServiceBusActions(actions), client, cancellationToken);

    [Function(nameof(ShipmentRejected))]
    public Task ShipmentRejected(
        [ServiceBusTrigger(MessageNames.ShipmentRejected, Topology.Subscriptions.Workflow, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.EventAsync(MessageNames.ShipmentRejected, message, new ServiceBusActions(actions), client, cancellationToken);
}
