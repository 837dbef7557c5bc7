using System.Text.Json.Serialization;

namespace Fulfilment.Contracts;

/// <summary>
/// Event, Inventory → ordering: at least one line could not be reserved; stock is untouched. Also the answer to a
/// reserve-inventory redelivered after the cart's reservation was released or had expired: then
/// <see cref="ReservationId"/> and <see cref="Reason"/> (Fulfilment's extensions, optional) say which reservation
/// and why, and every line of the cart is listed with the units available now.
/// </summary>
public sealed record InventoryUnavailable(
    IReadOnlyList<UnavailableItem> UnavailableItems,
    DateTimeOffset CheckedAt,
    Guid? OrderId = null,
    Guid? CartId = null,
    Guid? ReservationId = null,
    UnavailableReason? Reason = null);

/// <summary>
/// Why a cart is unavailable when it is not simply short of stock (inventory-unavailable.reason): the cart's
/// reservation was made, then expired or was released, before a late reserve-inventory redelivery arrived.
/// </summary>
public enum UnavailableReason
{
    [JsonStringEnumMemberName("RESERVATION_EXPIRED")] ReservationExpired,
    [JsonStringEnumMemberName("RESERVATION_RELEASED")] ReservationReleased,
}
