using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Inventory;

/// <summary>
/// Stock held for one cart. There is exactly one reservation per cart, ever: its id is derived from the cartId
/// (<see cref="IdFor"/>). It goes HELD → CONSUMED (delivered or written off) or HELD → RELEASED, and nothing else —
/// with one exception, <see cref="ConsumeAfterRelease"/>: RELEASED → CONSUMED when the carrier delivers the parcel of
/// an order whose fulfilment had ended and released it (a reconciliation; a parcel's units never stay on sale).
/// While HELD and not linked to an order it expires at <see cref="ExpiresAt"/>; only linking (the workflow, on
/// order-completed) sets <see cref="OrderId"/> and stops the clock. An orderId given at reserve time is only
/// <see cref="OrderIdHint"/>: published, and the one order allowed to link it.
/// </summary>
public sealed class Reservation
{
    internal Reservation(
        Guid id,
        Guid cartId,
        Guid? orderIdHint,
        Guid? orderId,
        IReadOnlyList<LineItem> items,
        string requestFingerprint,
        DateTimeOffset reservedAt,
        DateTimeOffset expiresAt,
        ReservationStatus status = ReservationStatus.Held,
        string? reason = null,
        DateTimeOffset? settledAt = null,
        IReadOnlyList<LineItem>? writtenOff = null,
        IReadOnlyList<LineItem>? shortfall = null)
    {
        Id = id;
        CartId = cartId;
        OrderIdHint = orderIdHint;
        OrderId = orderId;
        Items = items;
        RequestFingerprint = requestFingerprint;
        ReservedAt = reservedAt;
        ExpiresAt = expiresAt;
        Status = status;
        Reason = reason;
        SettledAt = settledAt;
        WrittenOff = writtenOff ?? [];
        Shortfall = shortfall ?? [];
    }

    public Guid Id { get; }

    public Guid CartId { get; }

    /// <summary>The orderId the reserve command carried, if any: published in inventory-reserved; links nothing.</summary>
    public Guid? OrderIdHint { get; }

    /// <summary>The order this reservation is linked to: set only by <see cref="Link"/>.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>One line per product (duplicates merged), ordered by productId.</summary>
    public IReadOnlyList<LineItem> Items { get; }

    /// <summary>Identifies the reserve command that made it, to tell a redelivery from a different command.</summary>
    public string RequestFingerprint { get; }

    public DateTimeOffset ReservedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public ReservationStatus Status { get; private set; }

    /// <summary>Why it was released (e.g. EXPIRED, ORDER_CANCELLED) or consumed (DELIVERED, LOST…).</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>Units that left the books without being delivered (lost parcel, short pick).</summary>
    public IReadOnlyList<LineItem> WrittenOff { get; private set; }

    /// <summary>
    /// Units a delivery after release (<see cref="ConsumeAfterRelease"/>) could not take back from stock: they had
    /// been sold again meanwhile, and their products are flagged for a count. Empty otherwise.
    /// </summary>
    public IReadOnlyList<LineItem> Shortfall { get; private set; }

    /// <summary>HELD and not yet linked to an order: the expiry sweep will release it at <see cref="ExpiresAt"/>.</summary>
    public bool IsWaitingForOrder => Status == ReservationStatus.Held && OrderId is null;

    public bool IsExpired => Status == ReservationStatus.Released && Reason == ReleaseReasons.Expired;

    public static Guid IdFor(Guid cartId) => MessageIds.DeterministicGuid("reservation\n" + cartId.ToString("D"));

    /// <summary>A new HELD, unlinked reservation (with its expiry); <paramref name="orderIdHint"/> does not link it.</summary>
    internal static Reservation Hold(Guid cartId, Guid? orderIdHint, IReadOnlyList<LineItem> items, string requestFingerprint, DateTimeOffset now, TimeSpan ttl) =>
        new(IdFor(cartId), cartId, orderIdHint, null, items, requestFingerprint, now, now + ttl);

    internal bool IsDueAt(DateTimeOffset now) => IsWaitingForOrder && now >= ExpiresAt;

    /// <summary>Whether <paramref name="orderId"/> may link it: any order when no hint was given, else only the hinted one.</summary>
    internal bool AcceptsOrder(Guid orderId) => OrderIdHint is null || OrderIdHint == orderId;

    internal void Link(Guid orderId)
    {
        if (!IsWaitingForOrder)
        {
            throw new InvalidOperationException($"Reservation {Id} is {Status}{(OrderId is null ? "" : " and linked")}: it cannot be linked.");
        }

        if (!AcceptsOrder(orderId))
        {
            throw new InvalidOperationException($"Reservation {Id} was reserved for order {OrderIdHint}: order {orderId} cannot link it.");
        }

        OrderId = orderId;
    }

    internal void Release(string reason, DateTimeOffset now, IReadOnlyList<LineItem>? writtenOff = null) =>
        Settle(ReservationStatus.Released, reason, now, writtenOff ?? []);

    internal void Consume(string reason, DateTimeOffset now, bool writtenOff) =>
        Settle(ReservationStatus.Consumed, reason, now, writtenOff ? Items : []);

    /// <summary>
    /// RELEASED → CONSUMED (reason DELIVERED_AFTER_RELEASE), the one way out of RELEASED: the carrier delivered the
    /// parcel after the order's fulfilment had ended and given the units back. What was written off at the release
    /// stays written off; <paramref name="shortfall"/> is what could not be taken back from stock.
    /// </summary>
    internal void ConsumeAfterRelease(DateTimeOffset now, IReadOnlyList<LineItem> shortfall)
    {
        if (Status != ReservationStatus.Released)
        {
            throw new InvalidOperationException($"Reservation {Id} is {Status}: only a RELEASED reservation can be consumed after its release.");
        }

        Status = ReservationStatus.Consumed;
        Reason = ReleaseReasons.DeliveredAfterRelease;
        SettledAt = now;
        Shortfall = shortfall;
    }

    internal int QuantityOf(Guid productId) => Items.FirstOrDefault(i => i.ProductId == productId)?.Quantity ?? 0;

    private void Settle(ReservationStatus status, string reason, DateTimeOffset now, IReadOnlyList<LineItem> writtenOff)
    {
        if (Status != ReservationStatus.Held)
        {
            throw new InvalidOperationException($"Reservation {Id} is {Status}: only a HELD reservation can become {status}.");
        }

        Status = status;
        Reason = reason;
        SettledAt = now;
        WrittenOff = writtenOff;
    }
}
