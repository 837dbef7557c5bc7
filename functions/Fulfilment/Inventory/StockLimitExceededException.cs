namespace Fulfilment.Inventory;

/// <summary>
/// A stock change would take a count past <see cref="StockItem.MaxUnits"/>. Restock and set refuse such a change
/// before making it; this is thrown only for a row stored before that check existed (its books already past the
/// limit). Deciding commands treat it like any broken invariant — the command fails alone and its half-made changes
/// are thrown away — and <see cref="ReservationLedger"/> answers it as <see cref="ReservationOutcome.Rejected"/>.
/// </summary>
public sealed class StockLimitExceededException : InvalidOperationException
{
    public StockLimitExceededException()
    {
    }

    public StockLimitExceededException(string message)
        : base(message)
    {
    }

    public StockLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
