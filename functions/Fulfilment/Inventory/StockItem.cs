namespace Fulfilment.Inventory;

/// <summary>
/// Stock of one product. <see cref="Available"/> can be reserved; <see cref="Reserved"/> is held by reservations;
/// <see cref="Consumed"/> has left the books (delivered, or written off — <see cref="WrittenOff"/> is the part
/// that was lost, damaged or missing). Every change keeps <see cref="IsBalanced"/> true:
/// <c>Available + Reserved + Consumed == Initial + Restocked</c>.
/// </summary>
public sealed class StockItem
{
    internal StockItem(Guid productId, int available, int reserved, int initial, int restocked, int consumed, int writtenOff, bool needsCount)
    {
        ProductId = productId;
        Available = available;
        Reserved = reserved;
        Initial = initial;
        Restocked = restocked;
        Consumed = consumed;
        WrittenOff = writtenOff;
        NeedsCount = needsCount;
    }

    public Guid ProductId { get; }

    public int Available { get; private set; }

    public int Reserved { get; private set; }

    public int Initial { get; }

    public int Restocked { get; private set; }

    public int Consumed { get; private set; }

    public int WrittenOff { get; private set; }

    /// <summary>A short pick found the shelf wrong: count it. An audited set clears the flag.</summary>
    public bool NeedsCount { get; private set; }

    public bool IsBalanced => (long)Available + Reserved + Consumed == (long)Initial + Restocked;

    /// <summary>A product first put on the books with <paramref name="available"/> units.</summary>
    internal static StockItem Open(Guid productId, int available) => new(productId, available, 0, available, 0, 0, 0, false);

    internal bool CanReserve(int quantity) => quantity <= Available;

    internal void Reserve(int quantity)
    {
        if (!CanReserve(quantity))
        {
            throw new InvalidOperationException($"Cannot reserve {quantity} of {ProductId}: only {Available} available.");
        }

        Available -= quantity;
        Reserved += quantity;
    }

    /// <summary>Held units go back on sale.</summary>
    internal void Release(int quantity)
    {
        TakeFromReserved(quantity);
        Available += quantity;
    }

    /// <summary>Held units leave the books (delivered).</summary>
    internal void Consume(int quantity)
    {
        TakeFromReserved(quantity);
        Consumed += quantity;
    }

    /// <summary>Held units leave the books without being sold again (lost, damaged, missing from the shelf).</summary>
    internal void WriteOff(int quantity)
    {
        Consume(quantity);
        WrittenOff += quantity;
    }

    internal void FlagForCount() => NeedsCount = true;

    /// <summary>
    /// Units that had gone back on sale turn out to have been delivered (a parcel that left after its reservation was
    /// released): as many as are still available leave the books (consumed). The rest were sold again — they cannot
    /// be taken from another order's reservation or delivery, so the product is flagged for a count — and their
    /// number is returned. The books stay balanced and nothing goes negative.
    /// </summary>
    internal int TakeBackDelivered(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var taken = Math.Min(quantity, Available);
        Available -= taken;
        Consumed += taken;
        if (taken < quantity)
        {
            FlagForCount();
        }

        return quantity - taken;
    }

    internal void Restock(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        Available += quantity;
        Restocked += quantity;
    }

    /// <summary>
    /// An audited correction of the available units after a count: units found count as restocked, units missing
    /// as written off, so the totals stay balanced. Clears <see cref="NeedsCount"/>. Returns the change.
    /// </summary>
    internal int CorrectAvailable(int available)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        var delta = available - Available;
        if (delta > 0)
        {
            Restocked += delta;
        }
        else
        {
            Consumed -= delta;
            WrittenOff -= delta;
        }

        Available = available;
        NeedsCount = false;
        return delta;
    }

    private void TakeFromReserved(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        if (quantity > Reserved)
        {
            throw new InvalidOperationException($"Cannot take {quantity} of {ProductId} from {Reserved} reserved.");
        }

        Reserved -= quantity;
    }
}
