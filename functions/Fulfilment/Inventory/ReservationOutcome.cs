namespace Fulfilment.Inventory;

/// <summary>What an operation on an existing reservation (link, release, consume, write-off, short pick, expire) found and did.</summary>
public enum ReservationOutcome
{
    /// <summary>The change was made now.</summary>
    Applied,

    /// <summary>The same change was made before (a redelivery or a repeated call): nothing changed.</summary>
    AlreadyApplied,

    /// <summary>No reservation has that id (or none was made for that cart).</summary>
    NotFound,

    /// <summary>The reservation was released (not by expiry): it cannot be linked or consumed.</summary>
    Released,

    /// <summary>The reservation expired (released with reason EXPIRED), now or before.</summary>
    Expired,

    /// <summary>The reservation was consumed (delivered or written off): it cannot be released or linked.</summary>
    Consumed,

    /// <summary>The reservation is linked to a different order, or was reserved for a different order (its hint): nothing changed.</summary>
    LinkedToAnotherOrder,

    /// <summary>
    /// A release-inventory command for a HELD reservation that is linked to an order: Inventory leaves it alone
    /// (only the order's workflow releases it, by compensation or cancellation); nothing changed.
    /// </summary>
    LinkedToOrder,

    /// <summary>The request itself is unusable (see <see cref="ReservationResult.Detail"/>): nothing changed.</summary>
    Rejected,
}
