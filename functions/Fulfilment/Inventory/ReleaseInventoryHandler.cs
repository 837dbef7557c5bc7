using Fulfilment.Contracts;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Inventory;

/// <summary>
/// release-inventory: a HELD reservation NOT linked to an order → RELEASED with the command's reason (UNSPECIFIED
/// when absent), units back on sale. Idempotent; an unknown reservation or a consumed one is a clear outcome, logged,
/// not an error: the adapter completes the message. A reservation linked to an order (possibly linked after the
/// router looked) answers <see cref="ReservationOutcome.LinkedToOrder"/> and stays held: that order's workflow owns
/// its release, so the adapter redelivers the message for the router to route there. No event is published (the
/// catalogue defines none for a release).
/// </summary>
public sealed partial class ReleaseInventoryHandler(ReservationLedger ledger, ILogger<ReleaseInventoryHandler> logger)
{
    public async Task<ReservationResult> HandleAsync(ReleaseInventory command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = command.Reason is { } given ? WireName(given) : ReleaseReasons.Unspecified;
        var result = await ledger.ReleaseUnlinkedAsync(command.ReservationId, reason, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            LogNotReleased(command.ReservationId, result.Outcome, result.Detail);
        }

        return result;
    }

    private static string WireName(ReleaseReason reason) => ContractJson.Serialize(reason).Trim('"');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reservation {ReservationId} not released: {Outcome} ({Detail})")]
    private partial void LogNotReleased(Guid reservationId, ReservationOutcome outcome, string? detail);
}
