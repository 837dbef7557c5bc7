namespace Fulfilment.Shipping;

/// <summary>What <see cref="ShipmentCancellation.CancelAsync"/> established. Persisted in Durable history: append only.</summary>
public enum ShipmentCancellationOutcome
{
    /// <summary>It is certain that no parcel leaves: the stock may go back on sale.</summary>
    Cancelled,

    /// <summary>The carrier has the parcel (or delivered, or failed it): the stock must not go back on sale now.</summary>
    TooLate,
}
