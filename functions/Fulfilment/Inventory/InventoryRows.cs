using Azure;
using Azure.Data.Tables;
using Fulfilment.Storage;
using static Fulfilment.Inventory.InventoryEntityMapper;

namespace Fulfilment.Inventory;

/// <summary>
/// The rows one group of inventory commands decides on, as domain objects: each row as storage last showed it (a
/// fresh read of this group, or the row cache) and as the commands so far have changed it. The commands change
/// them in turn, each seeing the effect of the ones before; <see cref="Actions"/> then writes every changed row
/// once — an insert for a new row, a replace conditioned on the ETag it was known with — plus the expiry-index
/// row a reservation gains or loses. A row neither cached nor read is assumed absent: only inserts rely on that,
/// and an insert of a row that exists fails the whole transaction (409).
/// </summary>
internal sealed class InventoryRows(RowCache cache, IReadOnlyDictionary<string, StoredRow?> fresh)
{
    private readonly Dictionary<string, Row> rows = new(StringComparer.Ordinal);
    private readonly List<string> touched = [];
    private readonly HashSet<string> wanted = new(StringComparer.Ordinal);

    /// <summary>Keys a command needed but nobody knows yet, or must see freshly read before it may decide.</summary>
    public IReadOnlyCollection<string> Wanted => wanted;

    public IReadOnlyList<string> Touched => touched;

    /// <summary>Whether the row is known (read in this group, or cached); an unknown one is reported in <see cref="Wanted"/>.</summary>
    public bool Know(string key)
    {
        if (fresh.ContainsKey(key) || rows.ContainsKey(key) || cache.TryGet(Partition, key, out _))
        {
            return true;
        }

        wanted.Add(key);
        return false;
    }

    /// <summary>
    /// Whether a decision that writes nothing may rest on these rows: each was read in this group, or is written by
    /// it (its ETag condition then checks it at commit). The others are reported in <see cref="Wanted"/>.
    /// </summary>
    public bool Trust(IEnumerable<string> keys)
    {
        var trusted = true;
        foreach (var key in keys)
        {
            if (!fresh.ContainsKey(key) && !(rows.TryGetValue(key, out var row) && row.Touched))
            {
                wanted.Add(key);
                trusted = false;
            }
        }

        return trusted;
    }

    public StockItem? Stock(Guid productId) => (StockItem?)Get(StockKey(productId)).Value;

    public Reservation? Reservation(Guid reservationId) => (Reservation?)Get(ReservationKey(reservationId)).Value;

    public StockOperation? Operation(Guid operationId) => (StockOperation?)Get(OperationKey(operationId)).Value;

    /// <summary>Marks a row whose domain object a command changed in place.</summary>
    public void Touch(string key)
    {
        var row = Get(key);
        if (!row.Touched)
        {
            row.Touched = true;
            touched.Add(key);
        }
    }

    /// <summary>A new row (a reservation, a product's opening stock, an audit record).</summary>
    public void Add(string key, object value)
    {
        var row = Get(key);
        if (row.Value is not null)
        {
            throw new InvalidOperationException($"Row {key} already exists.");
        }

        row.Value = value;
        Touch(key);
    }

    /// <summary>How many operations <see cref="Actions"/> would hold now (without building them).</summary>
    public int ActionCount => touched.Sum(key => 1 + (ExpiryChange(rows[key]) is null ? 0 : 1));

    /// <summary>The transaction: every changed row once, and the expiry-index rows that follow; with the key each action is for.</summary>
    public IReadOnlyList<(string Key, TableTransactionAction Action)> Actions()
    {
        var actions = new List<(string, TableTransactionAction)>(touched.Count + 4);
        foreach (var key in touched)
        {
            var row = rows[key];
            var entity = row.Value switch
            {
                StockItem stock => ToEntity(stock),
                Reservation reservation => ToEntity(reservation),
                StockOperation operation => ToOperationEntity(operation),
                _ => throw new InvalidOperationException($"Row {key} cannot be deleted."),
            };
            actions.Add((key, row.Stored is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.Stored.ETag)));
            switch (ExpiryChange(row))
            {
                case TableTransactionActionType.Add:
                    actions.Add((key, new TableTransactionAction(TableTransactionActionType.Add, ToExpiryEntity((Reservation)row.Value))));
                    break;
                case TableTransactionActionType.Delete:
                    // Guarded by the reservation row's ETag in the same transaction, so no condition of its own.
                    actions.Add((key, new TableTransactionAction(TableTransactionActionType.Delete, ToExpiryEntity((Reservation)row.Value), ETag.All)));
                    break;
            }
        }

        return actions;
    }

    /// <summary>After a commit: every row written is cached with the ETag storage returned for it.</summary>
    public static void Remember(RowCache cache, IReadOnlyList<(string Key, TableTransactionAction Action)> actions, IReadOnlyList<Response> responses)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            var (key, action) = actions[i];
            if (action.Entity.RowKey == key)
            {
                cache.Set((TableEntity)action.Entity, i < responses.Count ? EntityGroupTransaction.NewETag(responses[i]) : null);
            }
        }
    }

    private static TableTransactionActionType? ExpiryChange(Row row) => (row.StoredWaiting, (row.Value as Reservation)?.IsWaitingForOrder ?? false) switch
    {
        (false, true) => TableTransactionActionType.Add,
        (true, false) => TableTransactionActionType.Delete,
        _ => null,
    };

    private Row Get(string key)
    {
        if (rows.TryGetValue(key, out var row))
        {
            return row;
        }

        var stored = fresh.TryGetValue(key, out var read) ? read : cache.TryGet(Partition, key, out var cached) ? cached : null;
        var value = stored is null ? null : ToValue(key, stored.Entity);
        row = new Row(stored, value, (value as Reservation)?.IsWaitingForOrder ?? false);
        rows[key] = row;
        return row;
    }

    private static object ToValue(string key, TableEntity entity) =>
        key.StartsWith(StockPrefix, StringComparison.Ordinal) ? ToStock(entity)
        : key.StartsWith(ReservationPrefix, StringComparison.Ordinal) ? ToReservation(entity)
        : key.StartsWith(OperationPrefix, StringComparison.Ordinal) ? ToOperation(entity)
        : throw new InvalidOperationException($"Row {key} is not an inventory row a command may change.");

    private sealed class Row(StoredRow? stored, object? value, bool storedWaiting)
    {
        public StoredRow? Stored { get; } = stored;

        public bool StoredWaiting { get; } = storedWaiting;

        public object? Value { get; set; } = value;

        public bool Touched { get; set; }
    }
}
