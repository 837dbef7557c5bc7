using Azure.Messaging.ServiceBus;
using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Functions.Shipping;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.ServiceBusTriggers;

public sealed class OrderReadyForShippingFunction(ShippingMessages shipping)
{
    [Function(nameof(OrderReadyForShipping))]
    public Task Run(
        [ServiceBusTrigger(MessageNames.OrderReadyForShipping, Topology.Subscriptions.Shipping, Connection = AppSettings.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        shipping.OrderReadyForShippingAsync(message, new ServiceBusActions(actions), cancellationToken);
}
