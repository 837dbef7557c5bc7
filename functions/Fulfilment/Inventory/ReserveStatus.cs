namespace Fulfilment.Inventory;

/// <summary>What a reserve-inventory command led to. The first three are business outcomes (an event is published,
/// the message is completed); the last three change nothing and publish nothing (the adapter dead-letters them with
/// <see cref="ReserveResult.Reason"/>).</summary>
public enum ReserveStatus
{
    /// <summary>Every line reserved now; inventory-reserved published.</summary>
    Reserved,

    /// <summary>A redelivery: the cart's reservation was made by this same command before; the identical inventory-reserved is published again.</summary>
    AlreadyReserved,

    /// <summary>At least one line short; inventory-unavailable published with every short line; stock untouched.</summary>
    Unavailable,

    /// <summary>The cart already has a reservation made by a different command: it stands unchanged.</summary>
    CartAlreadyReserved,

    /// <summary>More distinct products than one entity-group transaction can reserve atomically.</summary>
    TooManyLines,

    /// <summary>The command is unusable (no items, a quantity below 1).</summary>
    Invalid,
}
