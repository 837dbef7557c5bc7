using Azure.Messaging.ServiceBus;
using Fulfilment.Functions.Messaging;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>A hand-written fake of the settlement port: records how each message was settled.</summary>
public sealed class RecordingMessageActions : IMessageActions
{
    private readonly List<SettledMessage> settled = [];

    public IReadOnlyList<SettledMessage> Settled => settled;

    /// <summary>The one settlement made; fails the test if there was none or more than one.</summary>
    public SettledMessage Single => Assert.Single(settled);

    public Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        settled.Add(new SettledMessage(SettledMessage.Completed, message.MessageId, null, null));
        return Task.CompletedTask;
    }

    public Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message, string deadLetterReason, string deadLetterErrorDescription, CancellationToken cancellationToken)
    {
        settled.Add(new SettledMessage(SettledMessage.DeadLettered, message.MessageId, deadLetterReason, deadLetterErrorDescription));
        return Task.CompletedTask;
    }
}
