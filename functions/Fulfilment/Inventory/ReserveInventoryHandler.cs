using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Inventory;

/// <summary>
/// reserve-inventory: reserves every line of a cart or none. All stock rows, the reservation and its expiry-index
/// row are written in ONE entity-group transaction conditioned on the ETags read, so concurrent reservations never
/// oversell; a lost race is re-read and decided again. Idempotent per cart: the reservationId derives from the
/// cartId, so a redelivery finds the reservation (or loses the insert race with 409 and then finds it) and, while it
/// is HELD, publishes the identical inventory-reserved again (same body, same MessageId); once it is released,
/// expired or consumed, a redelivery publishes nothing (<see cref="ReserveStatus.AlreadySettled"/>). An orderId on
/// the command is a hint: published and stored, but the reservation stays unlinked (and expires) until the workflow
/// links it.
/// </summary>
public sealed partial class ReserveInventoryHandler(
    InventoryTable table,
    IMessagePublisher publisher,
    TimeProvider time,
    IOptions<InventoryOptions> options,
    ILogger<ReserveInventoryHandler> logger)
{
    public async Task<ReserveResult> HandleAsync(ReserveInventory command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reservationId = Reservation.IdFor(command.CartId);
        var (request, problem) = ReservationRequest.From(command);
        if (request is null)
        {
            return Refuse(new ReserveResult(ReserveStatus.Invalid, reservationId, Reason: problem));
        }

        if (request.Lines.Count > InventoryTable.MaxLinesPerReservation)
        {
            return Refuse(new ReserveResult(ReserveStatus.TooManyLines, reservationId, Reason:
                $"{request.Lines.Count} distinct products: at most {InventoryTable.MaxLinesPerReservation} can be reserved atomically; split the cart"));
        }

        var result = await ConcurrencyRetry.RunAsync(token => AttemptAsync(request, token), cancellationToken).ConfigureAwait(false);
        if (result.Status == ReserveStatus.AlreadySettled)
        {
            LogAlreadySettled(result.ReservationId, result.Reason);
        }

        if (result.Published is not null)
        {
            await publisher.PublishAsync(result.Published, cancellationToken).ConfigureAwait(false);
        }

        return result.IsBusinessOutcome ? result : Refuse(result);
    }

    private async Task<ReserveResult> AttemptAsync(ReservationRequest request, CancellationToken cancellationToken)
    {
        var reservationId = Reservation.IdFor(request.CartId);
        var existing = await table.FindReservationAsync(reservationId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return Existing(existing.Value, request);
        }

        var stock = await table.ReadStockAsync(request.Lines.Select(l => l.ProductId), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var shortLines = request.Lines
            .Select(l => new UnavailableItem(l.ProductId, l.Quantity, stock.GetValueOrDefault(l.ProductId)?.Value.Available ?? 0))
            .Where(u => u.Requested > u.Available)
            .ToList();
        if (shortLines.Count > 0)
        {
            LogUnavailable(request.CartId, shortLines.Count);
            var body = new InventoryUnavailable(shortLines, now, request.OrderId, request.CartId);
            var message = OutgoingMessage.Create(MessageNames.InventoryUnavailable, body, $"{request.CartId:D}/{request.Fingerprint}", request.OrderId ?? request.CartId);
            return new ReserveResult(ReserveStatus.Unavailable, reservationId, message);
        }

        var reservation = Reservation.Hold(request.CartId, request.OrderId, request.Lines, request.Fingerprint, now, options.Value.ReservationTtl);
        var change = new InventoryChange().AddReservation(reservation);
        foreach (var line in request.Lines)
        {
            var row = stock[line.ProductId];
            row.Value.Reserve(line.Quantity);
            change.UpdateStock(row);
        }

        await table.CommitAsync(change, cancellationToken).ConfigureAwait(false);
        LogReserved(reservationId, request.CartId, request.Lines.Count);
        return new ReserveResult(ReserveStatus.Reserved, reservationId, Reserved(reservation));
    }

    /// <summary>The cart already has a reservation: a redelivery (same command) or a different command.</summary>
    private static ReserveResult Existing(Reservation reservation, ReservationRequest request) => reservation switch
    {
        _ when reservation.RequestFingerprint != request.Fingerprint => new ReserveResult(ReserveStatus.CartAlreadyReserved, reservation.Id, Reason:
            $"cart {request.CartId} already has reservation {reservation.Id} ({reservation.Status}) made by a different command; one reservation per cart"),
        { Status: ReservationStatus.Held } => new ReserveResult(ReserveStatus.AlreadyReserved, reservation.Id, Reserved(reservation)),
        _ => new ReserveResult(ReserveStatus.AlreadySettled, reservation.Id, Reason:
            $"reservation {reservation.Id} of cart {request.CartId} is {reservation.Status} ({reservation.Reason}) since {reservation.SettledAt:O}: inventory-reserved is not published again"),
    };

    /// <summary>The inventory-reserved event, rebuilt only from what is stored: byte-identical on every delivery.</summary>
    private static OutgoingMessage Reserved(Reservation reservation) =>
        OutgoingMessage.Create(
            MessageNames.InventoryReserved,
            new InventoryReserved(reservation.Id, reservation.Items, reservation.ReservedAt, reservation.OrderIdHint, reservation.CartId),
            reservation.CartId.ToString("D"),
            reservation.OrderIdHint ?? reservation.CartId);

    private ReserveResult Refuse(ReserveResult result)
    {
        LogRefused(result.ReservationId, result.Status, result.Reason);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reserved {LineCount} lines for cart {CartId} as reservation {ReservationId}")]
    private partial void LogReserved(Guid reservationId, Guid cartId, int lineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cart {CartId} cannot be reserved: {ShortLineCount} lines short")]
    private partial void LogUnavailable(Guid cartId, int shortLineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Late reserve-inventory redelivery for reservation {ReservationId} published nothing: {Reason}")]
    private partial void LogAlreadySettled(Guid reservationId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reserve refused for reservation {ReservationId}: {Status} ({Reason})")]
    private partial void LogRefused(Guid reservationId, ReserveStatus status, string? reason);
}
