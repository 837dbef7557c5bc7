namespace Fulfilment.Messaging;

/// <summary>
/// A context's outbox: messages written in the same transaction as the state change that made them, and not yet
/// known to be published. The handler that wrote them publishes them at once; <see cref="OutboxDrain"/> publishes, on
/// a timer, whatever a failed publish left behind, with no further call for the order (the picking floor's outbox
/// rows also cover a process that stopped; Shipping's marker is written when the publish fails, and a stopped process
/// is covered by its redelivery or the carrier's retry: docs/crash-boundaries.md).
/// </summary>
public interface IOutbox
{
    /// <summary>The context the outbox belongs to (for logs).</summary>
    string Name { get; }

    /// <summary>
    /// Publishes what is pending (at most one page), and forgets what it published. Returns how many messages it
    /// published. A transport or storage failure propagates: what it did not finish stays pending for the next run.
    /// </summary>
    Task<int> DrainAsync(CancellationToken cancellationToken);
}
