namespace Fulfilment.Inventory;

/// <summary>
/// Stock of one product. <see cref="Available"/> can be reserved; <see cref="Reserved"/> is held by reservations;
/// <see cref="Consumed"/> has left the books (delivered, or written off — <see cref="WrittenOff"/> is the part
/// that was lost, damaged or missing). Every change keeps <see cref="IsBalanced"/> true:
/// <c>Available + Reserved + Consumed == Initial + Restocked</c>.
/// Every count is an Int32, as on the wire (get-stock-level, the audit): a change that would put more than
/// <see cref="MaxUnits"/> on a product's books (<see cref="OnBooks"/>) is refused (<see cref="RefuseAdding"/>) —
/// and since every count is a part of the books, no count can then pass the limit either. The other changes only
/// move units between counts; they still check each sum, so a row stored before the limit was enforced throws
/// <see cref="StockLimitExceededException"/> instead of wrapping round to a negative count.
/// </summary>
public sealed class StockItem
{
    /// <summary>The most units a product's books can hold: everything ever put on them, initial + restocked.</summary>
    public const int MaxUnits = int.MaxValue;

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

    public bool IsBalanced => (long)Available + Reserved + Consumed == OnBooks;

    /// <summary>Everything ever put on the books (initial + restocked); at most <see cref="MaxUnits"/>.</summary>
    public long OnBooks => (long)Initial + Restocked;

    /// <summary>A product first put on the books with <paramref name="available"/> units.</summary>
    internal static StockItem Open(Guid productId, int available) => new(productId, available, 0, available, 0, 0, 0, false);

    internal bool CanReserve(int quantity) => quantity <= Available;

    internal void Reserve(int quantity)
    {
        if (!CanReserve(quantity))
        {
            throw new InvalidOperationException($"Cannot reserve {quantity} of {ProductId}: only {Available} available.");
        }

        var reserved = Add(Reserved, quantity, "reserved");
        Available -= quantity;
        Reserved = reserved;
    }

    /// <summary>Held units go back on sale.</summary>
    internal void Release(int quantity)
    {
        var available = Add(Available, quantity, "available");
        TakeFromReserved(quantity);
        Available = available;
    }

    /// <summary>Held units leave the books (delivered).</summary>
    internal void Consume(int quantity)
    {
        var consumed = Add(Consumed, quantity, "consumed");
        TakeFromReserved(quantity);
        Consumed = consumed;
    }

    /// <summary>Held units leave the books without being sold again (lost, damaged, missing from the shelf).</summary>
    internal void WriteOff(int quantity)
    {
        var writtenOff = Add(WrittenOff, quantity, "written off");
        Consume(quantity);
        WrittenOff = writtenOff;
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
        Consumed = Add(Consumed, taken, "consumed");
        Available -= taken;
        if (taken < quantity)
        {
            FlagForCount();
        }

        return quantity - taken;
    }

    /// <summary>
    /// Why <paramref name="units"/> more cannot be put on the books — they would pass <see cref="MaxUnits"/> — or
    /// null when they can.
    /// </summary>
    internal string? RefuseAdding(long units) =>
        OnBooks + units <= MaxUnits
            ? null
            : $"{units} more units would put {OnBooks + units} on the books of {ProductId} (initial {Initial} + restocked {Restocked} + {units}): "
              + $"a product's books hold at most {MaxUnits} units";

    /// <summary>Why an audited set to <paramref name="available"/> is refused (the units found would pass the limit), or null.</summary>
    internal string? RefuseCorrecting(int available) => RefuseAdding(Math.Max(0L, (long)available - Available));

    internal void Restock(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ThrowIfRefused(quantity);
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
            ThrowIfRefused(delta);
            Restocked += delta;
        }
        else
        {
            var (consumed, writtenOff) = (Add(Consumed, -delta, "consumed"), Add(WrittenOff, -delta, "written off"));
            (Consumed, WrittenOff) = (consumed, writtenOff);
        }

        Available = available;
        NeedsCount = false;
        return delta;
    }

    private void ThrowIfRefused(int units)
    {
        if (RefuseAdding(units) is { } refusal)
        {
            throw new StockLimitExceededException(refusal);
        }
    }

    /// <summary><paramref name="count"/> + <paramref name="quantity"/> (≥ 0), or a refusal naming the limit instead of a wrapped count.</summary>
    private int Add(int count, int quantity, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return count <= MaxUnits - quantity
            ? count + quantity
            : throw new StockLimitExceededException(
                $"{quantity} more units {name} of {ProductId} would pass {MaxUnits} (now {count}): its books are past the limit of {MaxUnits} units (stored before the limit was enforced)");
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
