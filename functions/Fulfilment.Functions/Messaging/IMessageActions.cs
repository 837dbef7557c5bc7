using Azure.Messaging.ServiceBus;

namespace Fulfilment.Functions.Messaging;

/// <summary>
/// The settlement half of the Functions worker's <c>ServiceBusMessageActions</c>, as a port: the Service Bus trigger
/// adapters wrap the real one (<c>ServiceBusTriggers/ServiceBusActions.cs</c>, compiled only where the Service Bus
/// extension package restores); tests use a recording fake. Settling needs the received message (its lock token).
/// </summary>
public interface IMessageActions
{
    Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken);

    Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message, string deadLetterReason, string deadLetterErrorDescription, CancellationToken cancellationToken);
}
