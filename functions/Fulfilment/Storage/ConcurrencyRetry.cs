using Azure;

namespace Fulfilment.Storage;

/// <summary>
/// Bounded retry of an optimistic-concurrency attempt: an attempt that loses an ETag race (412) or an insert race
/// (409) is run again, after an exponential backoff with full jitter, at most <see cref="MaxAttempts"/> times; then
/// the last conflict propagates (a transient failure: the message is redelivered). Inventory does not use it: its
/// group commit serialises the writers of a process (see InventoryGroupCommit).
/// </summary>
public static class ConcurrencyRetry
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Counts conflicts retried in this process (for the sandbox's report and benchmarks).</summary>
    public static long ConflictsRetried => Interlocked.Read(ref conflictsRetried);

    private static long conflictsRetried;

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (IsConflict(e) && attemptNumber < MaxAttempts)
            {
                RecordConflict();
                await Task.Delay(Backoff(attemptNumber), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static bool IsConflict(RequestFailedException e) => e?.Status is 412 or 409;

    /// <summary>Counts one lost race that is being retried.</summary>
    internal static void RecordConflict() => Interlocked.Increment(ref conflictsRetried);

    /// <summary>Full jitter over an exponential ceiling (10 ms doubling, at most 500 ms).</summary>
    internal static TimeSpan Backoff(int attemptNumber)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 16) - 1));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}
