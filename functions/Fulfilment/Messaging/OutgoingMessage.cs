using Fulfilment.Contracts;

namespace Fulfilment.Messaging;

/// <summary>
/// A message ready for the transport. <see cref="MessageId"/> is deterministic (see <see cref="MessageIds"/>) so
/// that a re-send of the same step is dropped by Service Bus duplicate detection; <see cref="CorrelationId"/> is
/// the orderId, or the cartId before an order exists; <see cref="Name"/> is the wire name (queue or topic, and
/// the Subject).
/// </summary>
public sealed record OutgoingMessage(string Name, string Body, string MessageId, string CorrelationId)
{
    public const string ContentType = "application/json";

    /// <summary>Serialises <paramref name="body"/> with the contract JSON options.</summary>
    /// <param name="name">Wire name from <see cref="MessageNames"/>.</param>
    /// <param name="body">The contract record.</param>
    /// <param name="idempotencyKey">Business key and step, e.g. the cartId for inventory-reserved.</param>
    /// <param name="correlationId">The orderId, or the cartId before an order exists.</param>
    public static OutgoingMessage Create<T>(string name, T body, string idempotencyKey, Guid correlationId) =>
        new(name, ContractJson.Serialize(body), MessageIds.For(name, idempotencyKey), correlationId.ToString());
}
