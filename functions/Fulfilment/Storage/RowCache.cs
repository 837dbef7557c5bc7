using Azure;
using Azure.Data.Tables;
using BitFaster.Caching.Lru;

namespace Fulfilment.Storage;

/// <summary>
/// The rows a store last read or wrote in this process, with the ETag storage gave them: so that the write after a
/// write needs no read ("the ETag returned by the last write"). Bounded (least recently used rows go first).
/// A cached row may be stale when another process wrote it since; that is safe only because every decision made
/// on a cached row is committed conditioned on its ETag (a stale one fails with 412, is evicted and re-read), and a
/// decision that writes nothing is taken on a fresh read. Thread-safe.
/// </summary>
public sealed class RowCache(int capacity)
{
    /// <summary>Enough for the stock rows of a large catalogue's hot set and the recent orders' rows.</summary>
    public const int DefaultCapacity = 50_000;

    private readonly ConcurrentLru<string, StoredRow> rows = new(capacity);

    public RowCache()
        : this(DefaultCapacity)
    {
    }

    public bool TryGet(string partitionKey, string rowKey, out StoredRow row) => rows.TryGet(Key(partitionKey, rowKey), out row!);

    /// <summary>Remembers <paramref name="entity"/> as stored with <paramref name="etag"/>; a missing ETag forgets the row instead.</summary>
    public void Set(TableEntity entity, ETag? etag)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (etag is { } known && known != default)
        {
            rows.AddOrUpdate(Key(entity.PartitionKey, entity.RowKey), new StoredRow(entity, known));
        }
        else
        {
            Remove(entity.PartitionKey, entity.RowKey);
        }
    }

    public void Remove(string partitionKey, string rowKey) => rows.TryRemove(Key(partitionKey, rowKey));

    public void Clear() => rows.Clear();

    private static string Key(string partitionKey, string rowKey) => partitionKey + "\n" + rowKey;
}
