using Azure.Messaging.ServiceBus;
using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fulfilment.Functions.ServiceBusTriggers;

public sealed class ReleaseInventoryFunction(WorkflowMessages workflow)
{
    [Function(nameof(ReleaseInventory))]
    public Task Run(
        [ServiceBusTrigger(MessageNames.ReleaseInventory, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        workflow.ReleaseInventoryAsync(message, new ServiceBusActions(actions), client, cancellationToken);
}
