using Azure.Messaging.ServiceBus;
using Fulfilment.Contracts;
using Fulfilment.Functions.Inventory;
using Fulfilment.Functions.Messaging;
using Fulfilment.Messaging;
using Fulfilment.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Functions.Workflow;

/// <summary>
/// What the workflow's Service Bus triggers do (each binds the message, its actions and the Durable client, and calls
/// one method here): <see cref="WorkflowDispatcher"/> validates the body, starts or raises into the order's instance
/// through <see cref="DurableWorkflowHost"/> on the trigger's client, and says how to settle. Starting and raising
/// return at once: no message lock is held while an orchestration runs. A transient failure of storage or of the
/// Durable backend propagates (redelivery).
/// </summary>
public sealed class WorkflowMessages(
    InboundMessageProcessor processor,
    WorkflowDispatcher dispatcher,
    WorkflowSettings settings,
    ILogger<DurableWorkflowHost> hostLogger,
    InventoryMessages inventory)
{
    /// <summary>
    /// An event for the workflow: order-completed and order-cancelled (subscription <c>fulfilment</c>), the picking
    /// floor's and the shipment events (subscription <c>workflow</c>). Every one of them is the workflow's, so the
    /// dispatcher answering "not for the workflow" is a defect: dead-lettered as <see cref="WorkflowRoute.NotAWorkflowMessage"/>.
    /// </summary>
    public Task EventAsync(
        string messageName, ServiceBusReceivedMessage message, IMessageActions actions, DurableTaskClient client, CancellationToken cancellationToken) =>
        processor.ProcessAsync(
            messageName,
            message,
            actions,
            async (body, ct) => await dispatcher.DispatchAsync(Host(client), messageName, body, ct).ConfigureAwait(false)
                                ?? Settlement.DeadLetter(WorkflowRoute.NotAWorkflowMessage, $"'{messageName}' is not for the workflow"),
            cancellationToken);

    /// <summary>
    /// release-inventory: the workflow first (a reservation held for an order is that order's cancellation), then
    /// Inventory for every other reservation (<see cref="InventoryMessages.ReleaseAsync"/>).
    /// </summary>
    public Task ReleaseInventoryAsync(
        ServiceBusReceivedMessage message, IMessageActions actions, DurableTaskClient client, CancellationToken cancellationToken) =>
        processor.ProcessAsync(
            MessageNames.ReleaseInventory,
            message,
            actions,
            async (body, ct) => await dispatcher.DispatchAsync(Host(client), MessageNames.ReleaseInventory, body, ct).ConfigureAwait(false)
                                ?? await inventory.ReleaseAsync(body, ct).ConfigureAwait(false),
            cancellationToken);

    private DurableWorkflowHost Host(DurableTaskClient client) => new(client, settings, hostLogger);
}
