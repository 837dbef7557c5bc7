namespace Fulfilment.Messaging;

/// <summary>
/// A context's outbox: messages written in the same transaction as the state change that made them (or announced by
/// a marker written before it), and not yet known to be published. The handler that wrote them publishes them at
/// once; <see cref="OutboxDrain"/> publishes, on a timer, whatever a failed publish or a crash left behind, so that a
/// message written to an outbox is published at least once even when no further call arrives.
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
