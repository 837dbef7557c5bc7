using Azure;
using Azure.Data.Tables;
using Fulfilment.Storage;
using static Fulfilment.Inventory.InventoryEntityMapper;

namespace Fulfilment.Inventory;

/// <summary>
/// The Inventory table. Stock rows, reservation rows, the expiry index and the audit of stock operations all live in
/// ONE partition, so that any inventory operation — a multi-line reservation included — is a single entity-group
/// transaction with ETag conditions (see docs/inventory.md for the trade-off: atomicity vs. one partition's
/// throughput). Every write goes through one <see cref="InventoryGroupCommit"/> per process, which commits the
/// operations that arrive together as one transaction and remembers the rows it wrote (a <see cref="RowCache"/>),
/// so a write after a write reads nothing. The reads here (a reservation, a stock level, the stock list, the due
/// expiries) always go to storage.
/// </summary>
public sealed class InventoryTable
{
    public const string BaseName = "Inventory";

    /// <summary>The operations one transaction may hold for stock lines: 100 minus the reservation and index rows.</summary>
    public const int MaxLinesPerReservation = EntityGroupTransaction.MaxOperations - 2;

    private readonly TableClientFactory tables;
    private readonly InventoryGroupCommit groupCommit;

    public InventoryTable(TableClientFactory tables)
    {
        this.tables = tables;
        groupCommit = new InventoryGroupCommit(() => Table, new RowCache());
    }

    private TableClient Table => tables.Get(BaseName);

    internal async Task<Versioned<Reservation>?> FindReservationAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(ReservationKey(reservationId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : new Versioned<Reservation>(ToReservation(row), row.ETag);
    }

    internal async Task<Versioned<StockItem>?> FindStockAsync(Guid productId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(StockKey(productId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : new Versioned<StockItem>(ToStock(row), row.ETag);
    }

    internal async Task<IReadOnlyList<StockItem>> ListStockAsync(CancellationToken cancellationToken)
    {
        var stock = new List<StockItem>();
        await foreach (var row in RangeAsync(StockPrefix, AfterPrefix(StockPrefix), maxPerPage: 1000, cancellationToken).ConfigureAwait(false))
        {
            stock.Add(ToStock(row));
        }

        return stock;
    }

    /// <summary>
    /// Reservations that are HELD, unlinked and due at <paramref name="now"/>, oldest first: a range query over the
    /// expiry index (row keys ordered by expiresAt), never a scan of the reservations.
    /// </summary>
    internal async Task<IReadOnlyList<Guid>> DueReservationsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<Guid>();
        var upTo = ExpiryPrefix + (now.UtcTicks + 1).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var row in RangeAsync(ExpiryPrefix, upTo, maxPerPage: max, cancellationToken).ConfigureAwait(false))
        {
            due.Add(row.GetGuid("ReservationId")!.Value);
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>Operations waiting for the group commit's next transaction.</summary>
    internal int QueuedOperations => groupCommit.Queued;

    /// <summary>Runs an inventory operation through the group commit; answered once its transaction committed.</summary>
    internal Task<T> ExecuteAsync<T>(InventoryCommand<T> command, CancellationToken cancellationToken) =>
        groupCommit.RunAsync(command, cancellationToken);

    private async Task<TableEntity?> FindAsync(string rowKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private IAsyncEnumerable<TableEntity> RangeAsync(string fromKey, string beforeKey, int maxPerPage, CancellationToken cancellationToken) =>
        Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {fromKey} and RowKey lt {beforeKey}"),
            maxPerPage,
            cancellationToken: cancellationToken);
}
