using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Inventory;

/// <summary>
/// reserve-inventory: reserves every line of a cart or none. All stock rows, the reservation and its expiry-index
/// row are written in ONE entity-group transaction conditioned on the rows' ETags — together with the other carts
/// that arrived meanwhile (group commit, <see cref="ReserveCommand"/>), so concurrent reservations never oversell
/// and never race each other. Idempotent per cart: the reservationId derives from the
/// cartId, so a redelivery finds the reservation (or loses the insert race with 409 and then finds it) and, while it
/// is HELD, publishes the identical inventory-reserved again (same body, same MessageId); once it is released or
/// expired, a redelivery is answered with inventory-unavailable (reason and reservationId), once consumed with the
/// identical inventory-reserved (<see cref="ReserveStatus.AlreadySettled"/>): ordering always hears back. An orderId on
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

        var reserve = new ReserveCommand(request, time, options.Value.ReservationTtl);
        var result = await table.ExecuteAsync(reserve, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case ReserveStatus.Reserved:
                LogReserved(result.ReservationId, request.CartId, request.Lines.Count);
                break;
            case ReserveStatus.Unavailable:
                LogUnavailable(request.CartId, reserve.ShortLineCount);
                break;
            case ReserveStatus.AlreadySettled:
                LogAlreadySettled(result.ReservationId, result.Published?.Name, result.Reason);
                break;
        }

        if (result.Published is not null)
        {
            await publisher.PublishAsync(result.Published, cancellationToken).ConfigureAwait(false);
        }

        return result.IsBusinessOutcome ? result : Refuse(result);
    }

    private ReserveResult Refuse(ReserveResult result)
    {
        LogRefused(result.ReservationId, result.Status, result.Reason);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reserved {LineCount} lines for cart {CartId} as reservation {ReservationId}")]
    private partial void LogReserved(Guid reservationId, Guid cartId, int lineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cart {CartId} cannot be reserved: {ShortLineCount} lines short")]
    private partial void LogUnavailable(Guid cartId, int shortLineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Late reserve-inventory redelivery for reservation {ReservationId} answered with {MessageName}: {Reason}")]
    private partial void LogAlreadySettled(Guid reservationId, string? messageName, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reserve refused for reservation {ReservationId}: {Status} ({Reason})")]
    private partial void LogRefused(Guid reservationId, ReserveStatus status, string? reason);
}
