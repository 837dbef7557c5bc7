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
/// cartId, so a redelivery finds the reservation (or loses the insert race with 409 and then finds it) and
/// publishes the identical inventory-reserved again (same body, same MessageId).
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
            return existing.Value.RequestFingerprint == request.Fingerprint
                ? new ReserveResult(ReserveStatus.AlreadyReserved, reservationId, Reserved(existing.Value, request))
                : new ReserveResult(ReserveStatus.CartAlreadyReserved, reservationId, Reason:
                    $"cart {request.CartId} already has reservation {reservationId} ({existing.Value.Status}) made by a different command; one reservation per cart");
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
        return new ReserveResult(ReserveStatus.Reserved, reservationId, Reserved(reservation, request));
    }

    /// <summary>The inventory-reserved event, rebuilt only from what is stored and the (identical) command: byte-identical on every delivery.</summary>
    private static OutgoingMessage Reserved(Reservation reservation, ReservationRequest request) =>
        OutgoingMessage.Create(
            MessageNames.InventoryReserved,
            new InventoryReserved(reservation.Id, reservation.Items, reservation.ReservedAt, request.OrderId, reservation.CartId),
            reservation.CartId.ToString("D"),
            request.OrderId ?? reservation.CartId);

    private ReserveResult Refuse(ReserveResult result)
    {
        LogRefused(result.ReservationId, result.Status, result.Reason);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reserved {LineCount} lines for cart {CartId} as reservation {ReservationId}")]
    private partial void LogReserved(Guid reservationId, Guid cartId, int lineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cart {CartId} cannot be reserved: {ShortLineCount} lines short")]
    private partial void LogUnavailable(Guid cartId, int shortLineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reserve refused for reservation {ReservationId}: {Status} ({Reason})")]
    private partial void LogRefused(Guid reservationId, ReserveStatus status, string? reason);
}
