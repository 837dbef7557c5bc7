using Azure.Messaging.ServiceBus;
using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Functions.Shipping;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.ServiceBusTriggers;

public sealed class CreateShipmentFunction(ShippingMessages shipping)
{
    [Function(nameof(CreateShipment))]
    public Task Run(
        [ServiceBusTrigger(MessageNames.CreateShipment, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        shipping.CreateShipmentAsync(message, new ServiceBusActions(actions), cancellationToken);
}
