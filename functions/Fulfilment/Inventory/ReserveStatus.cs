namespace Fulfilment.Inventory;

/// <summary>What a reserve-inventory command led to. The first four are business outcomes (the adapter completes the
/// message, each publishing its answer); the last three change nothing and publish nothing (the adapter dead-letters them with
/// <see cref="ReserveResult.Reason"/>).</summary>
public enum ReserveStatus
{
    /// <summary>Every line reserved now; inventory-reserved published.</summary>
    Reserved,

    /// <summary>A redelivery: the cart's reservation was made by this same command before and is still HELD; the identical inventory-reserved is published again.</summary>
    AlreadyReserved,

    /// <summary>At least one line short; inventory-unavailable published with every short line; stock untouched.</summary>
    Unavailable,

    /// <summary>
    /// A late redelivery: this same command made the cart's reservation, but it is no longer HELD. Nothing changes, and
    /// ordering still hears back: for a RELEASED or expired reservation an inventory-unavailable (reason
    /// RESERVATION_RELEASED or RESERVATION_EXPIRED, the reservationId, every line with the units available now); for a
    /// CONSUMED one (an order took it) the identical inventory-reserved, same MessageId. See <see cref="ReserveResult.Reason"/>.
    /// </summary>
    AlreadySettled,

    /// <summary>The cart already has a reservation made by a different command: it stands unchanged.</summary>
    CartAlreadyReserved,

    /// <summary>More distinct products than one entity-group transaction can reserve atomically.</summary>
    TooManyLines,

    /// <summary>The command is unusable (no items, a quantity below 1).</summary>
    Invalid,
}
