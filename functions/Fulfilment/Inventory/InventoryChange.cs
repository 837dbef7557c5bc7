using Azure;
using Azure.Data.Tables;
using static Fulfilment.Inventory.InventoryEntityMapper;

namespace Fulfilment.Inventory;

/// <summary>
/// The rows one inventory operation writes, committed as ONE entity-group transaction: every row that was read is
/// written back conditioned on its ETag, every new row is an insert (which fails if it exists). A lost race (412)
/// or a duplicate insert (409) rejects the whole change, so the caller re-reads and decides again.
/// </summary>
internal sealed class InventoryChange
{
    private readonly List<TableTransactionAction> actions = [];

    public IReadOnlyList<TableTransactionAction> Actions => actions;

    /// <summary>Inserts a new reservation, and its expiry-index row while it waits for an order.</summary>
    public InventoryChange AddReservation(Reservation reservation)
    {
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(reservation)));
        if (reservation.IsWaitingForOrder)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToExpiryEntity(reservation)));
        }

        return this;
    }

    /// <summary>
    /// Writes a changed reservation back (ETag-conditioned) and drops its expiry-index row once it no longer waits
    /// for an order. The index row is only ever written and deleted together with its reservation row, whose ETag
    /// guards both.
    /// </summary>
    public InventoryChange UpdateReservation(Versioned<Reservation> read, bool wasWaitingForOrder)
    {
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(read.Value), read.ETag));
        if (wasWaitingForOrder && !read.Value.IsWaitingForOrder)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, ToExpiryEntity(read.Value), ETag.All));
        }

        return this;
    }

    public InventoryChange UpdateStock(Versioned<StockItem> read)
    {
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(read.Value), read.ETag));
        return this;
    }

    public InventoryChange AddStock(StockItem stock)
    {
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(stock)));
        return this;
    }

    public InventoryChange AddOperation(StockOperation operation)
    {
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToOperationEntity(operation)));
        return this;
    }
}
