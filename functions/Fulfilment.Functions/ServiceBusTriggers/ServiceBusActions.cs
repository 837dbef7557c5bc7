using Azure.Messaging.ServiceBus;
using Fulfilment.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.ServiceBusTriggers;

/// <summary><see cref="IMessageActions"/> on the worker's <see cref="ServiceBusMessageActions"/>, which settles by lock token through the host.</summary>
public sealed class ServiceBusActions(ServiceBusMessageActions actions) : IMessageActions
{
    public Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken) =>
        actions.CompleteMessageAsync(message, cancellationToken);

    public Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message, string deadLetterReason, string deadLetterErrorDescription, CancellationToken cancellationToken) =>
        actions.DeadLetterMessageAsync(
            message,
            propertiesToModify: null,
            deadLetterReason: deadLetterReason,
            deadLetterErrorDescription: deadLetterErrorDescription,
            cancellationToken: cancellationToken);
}
