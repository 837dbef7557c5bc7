namespace Fulfilment.Inventory;

/// <summary>
/// Reasons a reservation leaves HELD, as stored on it. Release reasons are free upper-case words supplied by the
/// caller (the catalogue's CHECKOUT_FAILED, ORDER_CANCELLED, EXPIRED, and the workflow's PICKING_TIMEOUT,
/// SHORT_PICK, SHIPMENT_RETURNED…); these are the ones Inventory itself writes.
/// </summary>
public static class ReleaseReasons
{
    /// <summary>Released by the expiry sweep: HELD and not linked to an order within the TTL.</summary>
    public const string Expired = "EXPIRED";

    /// <summary>Released after a short pick: the missing units are written off, the rest go back on sale.</summary>
    public const string ShortPick = "SHORT_PICK";

    /// <summary>Consumed on delivery.</summary>
    public const string Delivered = "DELIVERED";

    /// <summary>
    /// Consumed although it had been released: the carrier delivered the parcel after the order's fulfilment had ended
    /// and put its units back on sale (see <see cref="ReservationLedger.ReconcileDeliveryAsync"/>).
    /// </summary>
    public const string DeliveredAfterRelease = "DELIVERED_AFTER_RELEASE";

    /// <summary>A release-inventory command without a reason.</summary>
    public const string Unspecified = "UNSPECIFIED";

    /// <summary>Whether <paramref name="reason"/> is a usable reason: 1–64 characters of A–Z, 0–9 and '_'.</summary>
    public static bool IsValid(string? reason) =>
        !string.IsNullOrEmpty(reason) && reason.Length <= 64 && reason.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
}
