using Fulfilment.Messaging;

namespace Fulfilment.Sandbox.Bus;

/// <summary>One delivery of a message to one entity (a queue, or a topic's subscription).</summary>
public sealed record BusDelivery(string Entity, OutgoingMessage Message, int DeliveryCount, DateTimeOffset EnqueuedAt);
