namespace Fulfilment.Messaging;

/// <summary>
/// What becomes of an inbound message once its handler has run. A transient failure is not a settlement: the
/// handler throws, the message is abandoned and redelivered (and dead-lettered by the broker after
/// MaxDeliveryCount). The Function App maps this to <c>ServiceBusMessageActions</c>; the sandbox bus to its queues.
/// </summary>
public abstract record Settlement
{
    private Settlement()
    {
    }

    public static Settlement Complete { get; } = new Completed();

    /// <summary>Poison input or a message that can never succeed: dead-letter at once with a reason.</summary>
    public static Settlement DeadLetter(string reason, string description) => new DeadLettered(reason, description);

    public sealed record Completed : Settlement;

    public sealed record DeadLettered(string Reason, string Description) : Settlement;
}
