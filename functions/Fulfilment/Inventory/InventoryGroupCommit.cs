using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Fulfilment.Storage;
using static Fulfilment.Inventory.InventoryEntityMapper;

namespace Fulfilment.Inventory;

/// <summary>
/// Group commit for the one Inventory partition. Every inventory write of this process is queued here; one drainer
/// at a time takes what has queued, decides the commands in arrival order on the same rows (each sees the changes
/// of the ones before it: two carts of one hot product both take from its one stock row) and commits them as ONE
/// entity-group transaction (≤ 100 operations; the rest wait for the next). Each command stays all-or-nothing —
/// its rows are all in the one transaction — and is answered on its own once that transaction has committed.
/// Writers of one process therefore never race each other: a hot product is one row write per group, not one per
/// cart. Rows come from the <see cref="RowCache"/> (what the last commit wrote, with the ETags it returned) or are
/// read, in parallel, once per group. A lost race can only come from another process: the stale row is re-read and
/// the group decided again — without limit, since every lost race means another writer made progress.
/// A failure whose outcome is unknown (a lost response) fails the group's commands (the caller's message is
/// redelivered) and forgets their rows.
/// </summary>
internal sealed class InventoryGroupCommit(Func<TableClient> table, RowCache cache)
{
    /// <summary>Commands taken per group at most (the 100-operation limit usually cuts a group first).</summary>
    private const int MaxCommandsPerGroup = 200;

    private readonly ConcurrentQueue<InventoryCommand> queue = new();
    private int draining;

    /// <summary>Commands waiting for the next group (for tests that line up a group).</summary>
    internal int Queued => queue.Count;

    public Task<T> RunAsync<T>(InventoryCommand<T> command, CancellationToken cancellationToken)
    {
        queue.Enqueue(command);
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return command.Completion.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var group = new List<InventoryCommand>();
        while (true)
        {
            while (group.Count < MaxCommandsPerGroup && queue.TryDequeue(out var next))
            {
                group.Add(next);
            }

            if (group.Count == 0)
            {
                Volatile.Write(ref draining, 0);
                if (queue.IsEmpty || Interlocked.CompareExchange(ref draining, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                group = await CommitAsync(group).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the drainer must survive a defect, or every later inventory operation would wait forever
            catch (Exception e)
#pragma warning restore CA1031
            {
                // A defect (not a storage failure, which CommitAsync answers itself): its group gets the exception.
                group.ForEach(c => c.Fail(e));
                group = [];
            }
        }
    }

    /// <summary>Decides and commits one group; returns the commands left for the next (over the operation limit).</summary>
    private async Task<List<InventoryCommand>> CommitAsync(List<InventoryCommand> group)
    {
        var fresh = new Dictionary<string, StoredRow?>(StringComparer.Ordinal);
        try
        {
            await ReadNeedsAsync(group, fresh).ConfigureAwait(false);
            for (var lostRaces = 0; ;)
            {
                var rows = new InventoryRows(cache, fresh);
                var (decided, deferred, undecided) = Decide(group, rows);
                if (undecided is not null)
                {
                    if (rows.Wanted.Count == 0)
                    {
                        group.Remove(undecided); // it threw, and has been answered with its exception
                    }
                    else
                    {
                        await ReadAsync(rows.Wanted.ToList(), fresh).ConfigureAwait(false);
                    }

                    continue;
                }

                var actions = rows.Actions();
                if (actions.Count == 0)
                {
                    decided.ForEach(c => c.Complete());
                    return deferred;
                }

                try
                {
                    var responses = await EntityGroupTransaction.SubmitAsync(table(), actions.Select(a => a.Action).ToList(), CancellationToken.None).ConfigureAwait(false);
                    InventoryRows.Remember(cache, actions, responses);
                    decided.ForEach(c => c.Complete());
                    return deferred;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
                {
                    // Another process wrote a row since it was cached or read: read it again and decide again.
                    ConcurrencyRetry.RecordConflict();
                    var failedAt = (e as TableTransactionFailedException)?.FailedTransactionActionIndex;
                    IReadOnlyList<string> stale = failedAt is { } index && index < actions.Count ? [actions[index].Key] : [.. rows.Touched];
                    await ReadAsync(stale, fresh).ConfigureAwait(false);
                    if (++lostRaces > 1)
                    {
                        await Task.Delay(ConcurrencyRetry.Backoff(lostRaces - 1)).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is RequestFailedException or TimeoutException or OperationCanceledException or IOException)
                {
                    // The transaction may or may not have committed: forget its rows, let the callers be redelivered.
                    foreach (var key in rows.Touched)
                    {
                        cache.Remove(Partition, key);
                    }

                    decided.ForEach(c => c.Fail(e));
                    return deferred;
                }
            }
        }
        catch (Exception e) when (e is RequestFailedException or TimeoutException or OperationCanceledException or IOException)
        {
            // A read failed: nothing was written.
            group.ForEach(c => c.Fail(e));
            return [];
        }
    }

    /// <summary>
    /// Decides the commands in order until the transaction would pass 100 operations (the rest are deferred) or one
    /// cannot decide yet (<c>undecided</c>: it needs rows read, or it threw and has been answered with that).
    /// </summary>
    private static (List<InventoryCommand> Decided, List<InventoryCommand> Deferred, InventoryCommand? Undecided) Decide(
        List<InventoryCommand> group, InventoryRows rows)
    {
        var decided = new List<InventoryCommand>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var command = group[i];
            if (decided.Count > 0 && rows.ActionCount + command.MaxOperations(rows) > EntityGroupTransaction.MaxOperations)
            {
                return (decided, group.GetRange(i, group.Count - i), null);
            }

            var wantedBefore = rows.Wanted.Count;
            try
            {
                if (!command.Decide(rows))
                {
                    if (rows.Wanted.Count == wantedBefore)
                    {
                        command.Fail(new InvalidOperationException($"{command.GetType().Name} could not decide and asked for no row."));
                    }

                    return (decided, [], command);
                }
            }
            catch (InvalidOperationException e)
            {
                // A broken invariant (a defect, e.g. a reservation whose stock row is missing): this command fails
                // alone; the rows it may have half-changed are thrown away with this attempt.
                command.Fail(e);
                return (decided, [], command);
            }

            decided.Add(command);
        }

        return (decided, [], null);
    }

    /// <summary>Reads what the commands need and nobody knows, until they need nothing more (a reservation first, then its stock).</summary>
    private async Task ReadNeedsAsync(List<InventoryCommand> group, Dictionary<string, StoredRow?> fresh)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            var rows = new InventoryRows(cache, fresh);
            foreach (var key in group.SelectMany(c => c.Needs(rows)))
            {
                rows.Know(key);
            }

            if (rows.Wanted.Count == 0)
            {
                return;
            }

            await ReadAsync(rows.Wanted.ToList(), fresh).ConfigureAwait(false);
        }
    }

    /// <summary>Point-reads the rows, in parallel; each becomes fresh for this group and is cached (or forgotten when absent).</summary>
    private async Task ReadAsync(IReadOnlyList<string> keys, Dictionary<string, StoredRow?> fresh)
    {
        var client = table();
        var reads = await Task.WhenAll(keys.Select(async key =>
        {
            var response = await client.GetEntityIfExistsAsync<TableEntity>(Partition, key).ConfigureAwait(false);
            return (Key: key, Row: response.HasValue ? new StoredRow(response.Value!, response.Value!.ETag) : null);
        })).ConfigureAwait(false);
        foreach (var (key, row) in reads)
        {
            fresh[key] = row;
            if (row is null)
            {
                cache.Remove(Partition, key);
            }
            else
            {
                cache.Set(row.Entity, row.ETag);
            }
        }
    }
}
