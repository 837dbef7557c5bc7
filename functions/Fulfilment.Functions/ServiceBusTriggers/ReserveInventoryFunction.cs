using Azure.Messaging.ServiceBus;
using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Functions.Inventory;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.ServiceBusTriggers;

public sealed class ReserveInventoryFunction(InventoryMessages inventory)
{
    [Function(nameof(ReserveInventory))]
    public Task Run(
        [ServiceBusTrigger(MessageNames.ReserveInventory, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        inventory.ReserveInventoryAsync(message, new ServiceBusActions(actions), cancellationToken);
}
