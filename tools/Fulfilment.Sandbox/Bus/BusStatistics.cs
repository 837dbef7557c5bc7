using System.Collections.Concurrent;

namespace Fulfilment.Sandbox.Bus;

/// <summary>Counts kept by the in-process bus; "lost" must stay zero: every accepted message ends completed or dead-lettered.</summary>
public sealed class BusStatistics
{
    private readonly ConcurrentDictionary<string, long> published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> deadLetterReasons = new(StringComparer.Ordinal);
    private long accepted;
    private long completed;
    private long deadLettered;
    private long deliveries;
    private long abandoned;
    private long duplicatesInjected;
    private long duplicatesDetected;
    private long reordered;
    private long delayed;

    public IReadOnlyDictionary<string, long> PublishedByName => published;

    public IReadOnlyDictionary<string, long> DeadLettersByReason => deadLetterReasons;

    /// <summary>Messages accepted onto an entity (after duplicate detection), each to be settled once.</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    public long Completed => Interlocked.Read(ref completed);

    public long DeadLettered => Interlocked.Read(ref deadLettered);

    public long Deliveries => Interlocked.Read(ref deliveries);

    public long Abandoned => Interlocked.Read(ref abandoned);

    public long DuplicatesInjected => Interlocked.Read(ref duplicatesInjected);

    public long DuplicatesDetected => Interlocked.Read(ref duplicatesDetected);

    /// <summary>Deliveries taken ahead of an older pending one (chaos: reorder).</summary>
    public long Reordered => Interlocked.Read(ref reordered);

    /// <summary>Deliveries held back behind every later one once (chaos: reorder).</summary>
    public long Delayed => Interlocked.Read(ref delayed);

    public long PublishedTotal => published.Values.Sum();

    /// <summary>Accepted messages neither completed nor dead-lettered.</summary>
    public long Lost(long pending) => Accepted - Completed - DeadLettered - pending;

    internal void OnPublished(string name) => published.AddOrUpdate(name, 1, (_, n) => n + 1);

    internal void OnAccepted() => Interlocked.Increment(ref accepted);

    internal void OnDelivery() => Interlocked.Increment(ref deliveries);

    internal void OnCompleted() => Interlocked.Increment(ref completed);

    internal void OnAbandoned() => Interlocked.Increment(ref abandoned);

    internal void OnDuplicateInjected() => Interlocked.Increment(ref duplicatesInjected);

    internal void OnDuplicateDetected() => Interlocked.Increment(ref duplicatesDetected);

    internal void OnReordered() => Interlocked.Increment(ref reordered);

    internal void OnDelayed() => Interlocked.Increment(ref delayed);

    internal void OnDeadLettered(string reason)
    {
        Interlocked.Increment(ref deadLettered);
        deadLetterReasons.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }
}
