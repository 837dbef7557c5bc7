using Azure.Messaging.ServiceBus;
using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Functions.Inventory;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.ServiceBusTriggers;

public sealed class ReleaseInventoryFunction(InventoryMessages inventory)
{
    [Function(nameof(ReleaseInventory))]
    public Task Run(
        [ServiceBusTrigger(MessageNames.ReleaseInventory, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        inventory.ReleaseInventoryAsync(message, new ServiceBusActions(actions), cancellationToken);
}
