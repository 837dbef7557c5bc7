using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Workflow;

/// <summary>
/// Publishes order-cancellation-refused when a cancellation comes after dispatch. The workflow refuses once per
/// order, so the orderId is the idempotency key.
/// </summary>
public sealed class PublishCancellationRefusedStep(IMessagePublisher publisher) : IWorkflowStep<OrderCancellationRefused, PublishedMessage>
{
    public async Task<PublishedMessage> RunAsync(OrderCancellationRefused request, CancellationToken cancellationToken = default)
    {
        var message = OutgoingMessage.Create(MessageNames.OrderCancellationRefused, request, request.OrderId.ToString("D"), request.OrderId);
        await publisher.PublishAsync(message, cancellationToken);
        return new PublishedMessage(message.Name, message.MessageId);
    }
}
