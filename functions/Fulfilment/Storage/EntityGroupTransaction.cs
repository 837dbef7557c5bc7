using Azure;
using Azure.Data.Tables;

namespace Fulfilment.Storage;

/// <summary>
/// Guards Table Storage's entity-group transaction rules that Azurite does not enforce: one partition, at most
/// 100 operations, each row at most once. Every batch in the code base goes through <see cref="SubmitAsync"/>.
/// </summary>
public static class EntityGroupTransaction
{
    public const int MaxOperations = 100;

    /// <summary>Submits the transaction; returns one response per action, in order (each carries the row's new ETag, deletes none).</summary>
    public static async Task<IReadOnlyList<Response>> SubmitAsync(TableClient table, IReadOnlyCollection<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        Validate(actions);
        var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    public static void Validate(IReadOnlyCollection<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw new ArgumentException("An entity-group transaction needs at least one operation.", nameof(actions));
        }

        if (actions.Count > MaxOperations)
        {
            throw new ArgumentException($"An entity-group transaction holds at most {MaxOperations} operations; got {actions.Count}.", nameof(actions));
        }

        var partitions = actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count();
        if (partitions != 1)
        {
            throw new ArgumentException($"An entity-group transaction must stay in one partition; got {partitions}.", nameof(actions));
        }

        var rows = actions.Select(a => a.Entity.RowKey).Distinct(StringComparer.Ordinal).Count();
        if (rows != actions.Count)
        {
            throw new ArgumentException($"An entity-group transaction may touch each row once; {actions.Count - rows} row(s) appear twice.", nameof(actions));
        }
    }

    /// <summary>The ETag storage gave the row an action wrote (null for a delete, or when none came back).</summary>
    public static ETag? NewETag(Response response) => response?.Headers.ETag;
}
