using Fulfilment.Contracts;
using Fulfilment.Messaging;
using static Fulfilment.Inventory.InventoryEntityMapper;

namespace Fulfilment.Inventory;

/// <summary>
/// reserve-inventory's decision, taken in a group (<see cref="InventoryGroupCommit"/>): the cart's reservation if it
/// has one (a redelivery — answered whatever became of the reservation — or a different command), else every line
/// short of stock (nothing written), else the new reservation with every line taken from its stock row. The
/// reservation row is not read first: it is inserted, and an insert of a row that exists fails the transaction
/// (409), after which it is read and decided on.
/// </summary>
internal sealed class ReserveCommand(ReservationRequest request, TimeProvider time, TimeSpan ttl) : InventoryCommand<ReserveResult>
{
    private readonly Guid reservationId = Reservation.IdFor(request.CartId);

    /// <summary>How many lines were short, when the decision was Unavailable.</summary>
    public int ShortLineCount { get; private set; }

    public override IEnumerable<string> Needs(InventoryRows rows) => request.Lines.Select(l => StockKey(l.ProductId));

    public override int MaxOperations(InventoryRows rows) => request.Lines.Count + 2;

    public override bool Decide(InventoryRows rows)
    {
        if (rows.Reservation(reservationId) is { } existing)
        {
            // Answered without a write: only on a fresh read of the reservation (or one this group wrote) — and, for a
            // late answer, of the stock rows whose available units it reports.
            IEnumerable<string> answeredFrom = IsLateForReleased(existing)
                ? [ReservationKey(reservationId), .. existing.Items.Select(i => StockKey(i.ProductId))]
                : [ReservationKey(reservationId)];
            if (!rows.Trust(answeredFrom))
            {
                return false;
            }

            Decision = Existing(existing, rows);
            return true;
        }

        if (request.Lines.Count(l => !rows.Know(StockKey(l.ProductId))) > 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var shortLines = request.Lines
            .Select(l => new UnavailableItem(l.ProductId, l.Quantity, rows.Stock(l.ProductId)?.Available ?? 0))
            .Where(u => u.Requested > u.Available)
            .ToList();
        if (shortLines.Count > 0)
        {
            // Unavailable writes nothing, so no ETag will check the stock it saw: it must be freshly read.
            if (!rows.Trust(request.Lines.Select(l => StockKey(l.ProductId))))
            {
                return false;
            }

            ShortLineCount = shortLines.Count;
            var body = new InventoryUnavailable(shortLines, now, request.OrderId, request.CartId);
            var message = OutgoingMessage.Create(MessageNames.InventoryUnavailable, body, $"{request.CartId:D}/{request.Fingerprint}", request.OrderId ?? request.CartId);
            Decision = new ReserveResult(ReserveStatus.Unavailable, reservationId, message);
            return true;
        }

        var reservation = Reservation.Hold(request.CartId, request.OrderId, request.Lines, request.Fingerprint, now, ttl);
        rows.Add(ReservationKey(reservationId), reservation);
        foreach (var line in request.Lines)
        {
            rows.Stock(line.ProductId)!.Reserve(line.Quantity);
            rows.Touch(StockKey(line.ProductId));
        }

        Decision = new ReserveResult(ReserveStatus.Reserved, reservationId, Reserved(reservation));
        return true;
    }

    /// <summary>The inventory-reserved event, rebuilt only from what is stored: byte-identical on every delivery.</summary>
    private static OutgoingMessage Reserved(Reservation reservation) =>
        OutgoingMessage.Create(
            MessageNames.InventoryReserved,
            new InventoryReserved(reservation.Id, reservation.Items, reservation.ReservedAt, reservation.OrderIdHint, reservation.CartId),
            reservation.CartId.ToString("D"),
            reservation.OrderIdHint ?? reservation.CartId);

    /// <summary>
    /// The cart already has a reservation: a redelivery (same command) or a different command. A redelivery is always
    /// answered: HELD → the identical inventory-reserved; CONSUMED (an order took it) → the identical inventory-reserved
    /// too, which Service Bus drops as a duplicate and ordering already holds; RELEASED or expired → a late
    /// inventory-unavailable (<see cref="LateUnavailable"/>).
    /// </summary>
    private ReserveResult Existing(Reservation reservation, InventoryRows rows) => reservation switch
    {
        _ when reservation.RequestFingerprint != request.Fingerprint => new ReserveResult(ReserveStatus.CartAlreadyReserved, reservation.Id, Reason:
            $"cart {request.CartId} already has reservation {reservation.Id} ({reservation.Status}) made by a different command; one reservation per cart"),
        { Status: ReservationStatus.Held } => new ReserveResult(ReserveStatus.AlreadyReserved, reservation.Id, Reserved(reservation)),
        { Status: ReservationStatus.Consumed } => new ReserveResult(ReserveStatus.AlreadySettled, reservation.Id, Reserved(reservation), Reason:
            $"reservation {reservation.Id} of cart {request.CartId} was consumed ({reservation.Reason}) by order {reservation.OrderId:D}: the identical inventory-reserved is published again"),
        _ => new ReserveResult(ReserveStatus.AlreadySettled, reservation.Id, LateUnavailable(reservation, rows), Reason:
            $"reservation {reservation.Id} of cart {request.CartId} was released ({reservation.Reason}) at {reservation.SettledAt:O}: inventory-unavailable is published"),
    };

    private bool IsLateForReleased(Reservation reservation) =>
        reservation.RequestFingerprint == request.Fingerprint && reservation.Status == ReservationStatus.Released;

    /// <summary>
    /// The answer to a redelivery that finds the cart's reservation released or expired: inventory-unavailable for the
    /// cart (and its order, if it had one) with every line of the reservation — requested = the line's quantity,
    /// available = the product's available units as read now — and, as Fulfilment's extensions, the reservationId and
    /// why. Its MessageId is derived from the cart and the command, distinct from the first answer's, so a second
    /// late redelivery is dropped as a duplicate.
    /// </summary>
    private OutgoingMessage LateUnavailable(Reservation reservation, InventoryRows rows)
    {
        var orderId = reservation.OrderId ?? reservation.OrderIdHint;
        var body = new InventoryUnavailable(
            [.. reservation.Items.Select(i => new UnavailableItem(i.ProductId, i.Quantity, rows.Stock(i.ProductId)?.Available ?? 0))],
            time.GetUtcNow(),
            orderId,
            reservation.CartId,
            reservation.Id,
            reservation.IsExpired ? UnavailableReason.ReservationExpired : UnavailableReason.ReservationReleased);
        return OutgoingMessage.Create(
            MessageNames.InventoryUnavailable, body, $"{reservation.CartId:D}/{reservation.RequestFingerprint}/settled", orderId ?? reservation.CartId);
    }
}
