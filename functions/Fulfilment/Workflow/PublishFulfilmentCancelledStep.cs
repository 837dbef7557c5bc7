using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Workflow;

/// <summary>Publishes fulfilment-cancelled (idempotency key: the orderId) after an honoured cancellation.</summary>
public sealed class PublishFulfilmentCancelledStep(IMessagePublisher publisher) : IWorkflowStep<FulfilmentCancelled, PublishedMessage>
{
    public async Task<PublishedMessage> RunAsync(FulfilmentCancelled request, CancellationToken cancellationToken = default)
    {
        var message = OutgoingMessage.Create(MessageNames.FulfilmentCancelled, request, request.OrderId.ToString("D"), request.OrderId);
        await publisher.PublishAsync(message, cancellationToken);
        return new PublishedMessage(message.Name, message.MessageId);
    }
}
