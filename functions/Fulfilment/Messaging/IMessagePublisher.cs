namespace Fulfilment.Messaging;

/// <summary>
/// The messaging port. The Function App implements it with a Service Bus sender per queue or topic; the
/// sandbox with its in-process bus; tests with a recording fake. Publishing may throw (transient): the caller
/// lets it propagate so the inbound message is redelivered, and the deterministic MessageId makes the retry safe.
/// </summary>
public interface IMessagePublisher
{
    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}
