using Azure.Messaging.ServiceBus;
using Fulfilment.Contracts.Validation;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Functions.Messaging;

/// <summary>
/// What every Service Bus trigger does with its message, once: open a log scope (MessageId, the message name, the
/// delivery count, and the OrderId / CartId / ReservationId the body carries), run the message's handler on the body,
/// and apply the <see cref="Settlement"/> it returns — complete, or dead-letter with the reason and description. A
/// handler's exception is not caught: nothing is settled, the invocation fails, and Service Bus redelivers the message
/// once the host lets it go (abandoned, or its lock expires), dead-lettering it after MaxDeliveryCount. Nothing here waits on anything but the handler, so no lock is held
/// longer than the work.
/// </summary>
public sealed partial class InboundMessageProcessor(ILogger<InboundMessageProcessor> logger)
{
    /// <summary>Service Bus refuses a dead-letter reason or description longer than this (characters).</summary>
    public const int MaxDeadLetterTextLength = 4096;

    public async Task ProcessAsync(
        string messageName,
        ServiceBusReceivedMessage message,
        IMessageActions actions,
        Func<string, CancellationToken, Task<Settlement>> handle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(handle);
        var body = message.Body.ToString();
        using var scope = logger.BeginScope(InboundLogScope.Of(messageName, message, body));
        var settlement = await handle(body, cancellationToken).ConfigureAwait(false);
        switch (settlement)
        {
            case Settlement.Completed:
                await actions.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                LogCompleted(messageName);
                break;
            case Settlement.DeadLettered deadLettered:
                // The description may quote the offending value (an address, a name): Debug only; the
                // dead-letter queue keeps it for the operator.
                LogDeadLettered(messageName, deadLettered.Reason);
                LogDeadLetterDescription(messageName, deadLettered.Description);
                await actions.DeadLetterMessageAsync(
                    message, Limit(deadLettered.Reason), Limit(deadLettered.Description), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown settlement {settlement?.GetType().Name ?? "null"} for {messageName}.");
        }
    }

    /// <summary>
    /// A body handler for contract <typeparamref name="T"/>: the body is checked against the contract first (every
    /// violation, with its path); a violation dead-letters the message as <see cref="DeadLetterReasons.ContractViolation"/>
    /// without calling <paramref name="handle"/>.
    /// </summary>
    public static Func<string, CancellationToken, Task<Settlement>> Parsed<T>(Func<T, CancellationToken, Task<Settlement>> handle)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(handle);
        return (body, cancellationToken) =>
        {
            var parsed = MessageParser.Parse<T>(body);
            return parsed.IsValid
                ? handle(parsed.Message!, cancellationToken)
                : Task.FromResult(Settlement.DeadLetter(DeadLetterReasons.ContractViolation, parsed.Describe()));
        };
    }

    private static string Limit(string text) =>
        text.Length <= MaxDeadLetterTextLength ? text : string.Concat(text.AsSpan(0, MaxDeadLetterTextLength - 1), "…");

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageName} completed")]
    private partial void LogCompleted(string messageName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{MessageName} dead-lettered: {DeadLetterReason} (the description is on the dead-lettered message)")]
    private partial void LogDeadLettered(string messageName, string deadLetterReason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{MessageName} dead-letter description: {DeadLetterDescription}")]
    private partial void LogDeadLetterDescription(string messageName, string deadLetterDescription);
}
