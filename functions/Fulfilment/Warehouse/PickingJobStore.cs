using Azure;
using Azure.Data.Tables;
using Fulfilment.Storage;

namespace Fulfilment.Warehouse;

/// <summary>
/// Picking jobs in one table, one partition (<c>jobs</c>). Each job has a job row (<c>job|{orderId}</c>, the point
/// read) and one status-index row (<c>status|{STATUS}|{ticks}|{orderId}</c>), so "jobs in a status, oldest first" is a
/// range query on the row key, never a scan. Both rows share the partition, so every write is one entity-group
/// transaction: the job row under its ETag, the old index row out, the new one in — all or nothing.
/// </summary>
public sealed class PickingJobStore(TableClientFactory tables)
{
    public const string TableName = "PickingJobs";

    private TableClient Table => tables.Get(TableName);

    public async Task<PickingJob?> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            PickingJobEntityMapper.Partition, PickingJobEntityMapper.JobRowKey(orderId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? PickingJobEntityMapper.ToJob(response.Value!) : null;
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
            await EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
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
                var response = await Table.GetEntityIfExistsAsync<TableEntity>(
                    PickingJobEntityMapper.Partition, PickingJobEntityMapper.JobRowKey(orderId), cancellationToken: token).ConfigureAwait(false);
                if (!response.HasValue)
                {
                    return PickingJobOutcome.NotFound(orderId);
                }

                var current = PickingJobEntityMapper.ToJob(response.Value!);
                var outcome = decide(current);
                if (outcome.Changed && outcome.Job is { } next)
                {
                    await ReplaceAsync(current, next, response.Value!.ETag, token).ConfigureAwait(false);
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

    private async Task ReplaceAsync(PickingJob current, PickingJob next, ETag etag, CancellationToken cancellationToken)
    {
        var oldIndex = new TableEntity(PickingJobEntityMapper.Partition, PickingJobEntityMapper.IndexRowKey(current));
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateReplace, PickingJobEntityMapper.ToJobEntity(next), etag),
            new(TableTransactionActionType.Delete, oldIndex, ETag.All),
            new(TableTransactionActionType.Add, PickingJobEntityMapper.ToIndexEntity(next)),
        ];
        await EntityGroupTransaction.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
    }
}
