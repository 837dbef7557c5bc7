using Azure.Data.Tables;

namespace Fulfilment.Storage;

/// <summary>
/// Guards Table Storage's entity-group transaction rules that Azurite does not enforce: one partition and at most
/// 100 operations. Every batch in the code base goes through <see cref="SubmitAsync"/>.
/// </summary>
public static class EntityGroupTransaction
{
    public const int MaxOperations = 100;

    public static async Task SubmitAsync(TableClient table, IReadOnlyCollection<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        Validate(actions);
        await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
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
    }
}
