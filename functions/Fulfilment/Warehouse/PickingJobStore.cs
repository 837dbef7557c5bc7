using Azure;
using Azure.Data.Tables;
using Fulfilment.Messaging;
using Fulfilment.Storage;

namespace Fulfilment.Warehouse;

/// <summary>
/// Picking jobs in one table, one partition (<c>jobs</c>). Each job has a job row (<c>job|{orderId}</c>, the point
/// read) and one status-index row (<c>status|{STATUS}|{ticks}|{orderId}</c>), so "jobs in a status, oldest first" is a
/// range query on the row key, never a scan. Both rows share the partition, so every write is one entity-group
/// transaction: the job row under its ETag, the old index row out, the new one in — all or nothing. The job rows
/// this process wrote are remembered with the ETags storage returned (<see cref="RowCache"/>): a transition after a
/// write reads nothing (a stale copy fails its ETag condition and is read again), and a PACKED or CANCELLED job —
/// which never changes again — is answered from memory.
/// <para>
/// The outbox: a transition that makes a job PACKED or SHORT writes the message it announces
/// (<see cref="PickingJob.Announcement"/>) as an outbox row (<c>outbox|{orderId}</c>) in the same transaction, so the
/// change and its message are stored together or not at all. The handler deletes the row once it has published the
/// message (<see cref="RemoveFromOutboxAsync"/>); a row left behind — the publish failed, or the process died — is
/// found by <see cref="PendingAsync"/> (a range query on the row key, never a scan) and published by
/// <see cref="PickingFloorOutbox"/>. An order's outbox only ever holds that one message (a job is packed or short-picked,
/// never both), so the delete needs no condition.
/// </para>
/// </summary>
public sealed class PickingJobStore(TableClientFactory tables)
{
    public const string TableName = "PickingJobs";

    private readonly RowCache cache = new();

    private TableClient Table => tables.Get(TableName);

    /// <summary>The order's job: from memory when it is final (PACKED, CANCELLED), else as storage holds it now.</summary>
    public async Task<PickingJob?> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (Cached(orderId) is { Job.Status: PickingJobStatus.Packed or PickingJobStatus.Cancelled } final)
        {
            return final.Job;
        }

        return (await ReadAsync(orderId, cancellationToken).ConfigureAwait(false))?.Job;
    }

    /// <summary>Writes a new job and its index row; false (nothing written) when the order already has a job.</summary>
    public async Task<bool> TryInsertAsync(PickingJob job, CancellationToken cancellationToken)
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, PickingJobEntityMapper.ToJobEntity(job)),
            new(TableTransactionActionType.Add, PickingJobEntityMapper.ToIndexEntity(job)),
        ];
        try
        {
            var responses = await EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
            cache.Set((TableEntity)actions[0].Entity, EntityGroupTransaction.NewETag(responses[0]));
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the job, lets <paramref name="decide"/> (a <see cref="PickingJob"/> transition) decide, and writes the
    /// result only when it changed the job, under the ETag it was read with. A writer that loses the race is run
    /// again on the fresh job, so it gets the outcome the winner left (e.g. Conflict for the second picker).
    /// </summary>
    public Task<PickingJobOutcome> TransitionAsync(Guid orderId, Func<PickingJob, PickingJobOutcome> decide, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(
            async token =>
            {
                var current = Cached(orderId);
                var outcome = current is null ? null : decide(current.Job);
                if (outcome is not { Changed: true })
                {
                    // Not known here, or a refusal or repeat, which writes nothing: decide on a fresh read.
                    current = await ReadAsync(orderId, token).ConfigureAwait(false);
                    if (current is null)
                    {
                        return PickingJobOutcome.NotFound(orderId);
                    }

                    outcome = decide(current.Job);
                }

                if (outcome.Changed && outcome.Job is { } next)
                {
                    await ReplaceAsync(current!.Job, next, current.ETag, token).ConfigureAwait(false);
                }

                return outcome;
            },
            cancellationToken);

    /// <summary>
    /// Up to <paramref name="take"/> jobs in <paramref name="status"/>, oldest first (by the time they entered it),
    /// after the index row key <paramref name="afterRowKey"/> (null: from the start).
    /// </summary>
    internal async Task<IReadOnlyList<(string RowKey, PickingJob Job)>> ListAsync(
        PickingJobStatus status, int take, string? afterRowKey, CancellationToken cancellationToken)
    {
        var prefix = PickingJobEntityMapper.IndexPrefixOf(status);
        var lowerBound = afterRowKey ?? prefix;
        var upperBound = prefix + "~"; // '~' sorts after every digit, so the range holds exactly this status
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PickingJobEntityMapper.Partition} and RowKey gt {lowerBound} and RowKey lt {upperBound}");
        var rows = new List<(string, PickingJob)>(take);
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add((entity.RowKey, PickingJobEntityMapper.ToJob(entity)));
            if (rows.Count == take)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Forgets the order's outbox row once its message is published; a row already gone is fine.</summary>
    public async Task RemoveFromOutboxAsync(Guid orderId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(
                PickingJobEntityMapper.Partition, PickingJobEntityMapper.OutboxRowKey(orderId), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another publisher (the drain, or a repeat call) removed it first.
        }
    }

    /// <summary>Up to <paramref name="take"/> outbox rows not yet known published, as (orderId, message).</summary>
    public async Task<IReadOnlyList<(Guid OrderId, OutgoingMessage Message)>> PendingAsync(int take, CancellationToken cancellationToken)
    {
        var (after, before) = PickingJobEntityMapper.OutboxRange;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PickingJobEntityMapper.Partition} and RowKey gt {after} and RowKey lt {before}");
        var rows = new List<(Guid, OutgoingMessage)>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add((Guid.Parse(entity.RowKey.AsSpan(after.Length)), PickingJobEntityMapper.ToMessage(entity)));
            if (rows.Count == take)
            {
                break;
            }
        }

        return rows;
    }

    private async Task ReplaceAsync(PickingJob current, PickingJob next, ETag etag, CancellationToken cancellationToken)
    {
        var oldIndex = new TableEntity(PickingJobEntityMapper.Partition, PickingJobEntityMapper.IndexRowKey(current));
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.UpdateReplace, PickingJobEntityMapper.ToJobEntity(next), etag),
            new(TableTransactionActionType.Delete, oldIndex, ETag.All),
            new(TableTransactionActionType.Add, PickingJobEntityMapper.ToIndexEntity(next)),
        ];
        if (next.Status != current.Status && next.Announcement() is { } message)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, PickingJobEntityMapper.ToOutboxEntity(next.OrderId, message)));
        }

        try
        {
            var responses = await EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
            cache.Set((TableEntity)actions[0].Entity, EntityGroupTransaction.NewETag(responses[0]));
        }
        catch (Exception e) when (e is RequestFailedException or TimeoutException or OperationCanceledException or IOException)
        {
            // Lost a race (412) or the outcome is unknown: forget the job, the retry reads it.
            cache.Remove(PickingJobEntityMapper.Partition, PickingJobEntityMapper.JobRowKey(current.OrderId));
            throw;
        }
    }

    private CachedJob? Cached(Guid orderId) =>
        cache.TryGet(PickingJobEntityMapper.Partition, PickingJobEntityMapper.JobRowKey(orderId), out var row)
            ? new CachedJob(PickingJobEntityMapper.ToJob(row.Entity), row.ETag)
            : null;

    private async Task<CachedJob?> ReadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            PickingJobEntityMapper.Partition, PickingJobEntityMapper.JobRowKey(orderId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        cache.Set(response.Value!, response.Value!.ETag);
        return new CachedJob(PickingJobEntityMapper.ToJob(response.Value!), response.Value!.ETag);
    }

    private sealed record CachedJob(PickingJob Job, ETag ETag);
}
