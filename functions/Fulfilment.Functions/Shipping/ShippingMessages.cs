using Azure.Messaging.ServiceBus;
using Fulfilment.Contracts;
using Fulfilment.Functions.Messaging;
using Fulfilment.Messaging;
using Fulfilment.Shipping;

namespace Fulfilment.Functions.Shipping;

/// <summary>
/// What Shipping's Service Bus triggers do (each binds the message and its actions and calls one method here): check
/// the body against its contract, call the handler, complete. Every outcome of these handlers is a business outcome
/// (a carrier rejection is published as shipment-rejected); a carrier or storage failure throws (redelivery).
/// </summary>
public sealed class ShippingMessages(
    InboundMessageProcessor processor,
    OrderReadyForShippingHandler readyForShipping,
    CreateShipmentHandler createShipment)
{
    /// <summary>order-ready-for-shipping on the <c>shipping</c> subscription: record the shipment, send create-shipment.</summary>
    public Task OrderReadyForShippingAsync(ServiceBusReceivedMessage message, IMessageActions actions, CancellationToken cancellationToken) =>
        processor.ProcessAsync(
            MessageNames.OrderReadyForShipping, message, actions, InboundMessageProcessor.Parsed<OrderReadyForShipping>(ReadyForShippingAsync), cancellationToken);

    /// <summary>create-shipment: ask the carrier, at most once per order (the carrier's answer must come within the message lock).</summary>
    public Task CreateShipmentAsync(ServiceBusReceivedMessage message, IMessageActions actions, CancellationToken cancellationToken) =>
        processor.ProcessAsync(
            MessageNames.CreateShipment, message, actions, InboundMessageProcessor.Parsed<CreateShipment>(CreateAsync), cancellationToken);

    private async Task<Settlement> ReadyForShippingAsync(OrderReadyForShipping message, CancellationToken cancellationToken)
    {
        await readyForShipping.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        return Settlement.Complete;
    }

    private async Task<Settlement> CreateAsync(CreateShipment command, CancellationToken cancellationToken)
    {
        await createShipment.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        return Settlement.Complete;
    }
}
