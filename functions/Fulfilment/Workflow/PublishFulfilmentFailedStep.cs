using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Workflow;

/// <summary>Publishes fulfilment-failed (idempotency key: the orderId) after compensation.</summary>
public sealed class PublishFulfilmentFailedStep(IMessagePublisher publisher) : IWorkflowStep<FulfilmentFailed, PublishedMessage>
{
    public async Task<PublishedMessage> RunAsync(FulfilmentFailed request, CancellationToken cancellationToken = default)
    {
        var message = OutgoingMessage.Create(MessageNames.FulfilmentFailed, request, request.OrderId.ToString("D"), request.OrderId);
        await publisher.PublishAsync(message, cancellationToken);
        return new PublishedMessage(message.Name, message.MessageId);
    }
}
