using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Inventory;

/// <summary>
/// The expiry sweep (a timer in the Function App): releases, with reason EXPIRED, every HELD reservation not linked
/// to an order whose expiresAt has passed. Due reservations are found by a range query over the expiry index, page by
/// page, never by scanning reservations. Safe to run concurrently with itself and with link: each expiry is a
/// conditional transaction, and the loser of a race sees the winner's result.
/// </summary>
public sealed partial class ExpireReservationsHandler(
    InventoryTable table,
    ReservationLedger ledger,
    TimeProvider time,
    IOptions<InventoryOptions> options,
    ILogger<ExpireReservationsHandler> logger)
{
    /// <summary>Returns how many reservations this run expired.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.ExpiryBatchSize;
        var expired = 0;
        while (true)
        {
            var due = await table.DueReservationsAsync(time.GetUtcNow(), batch, cancellationToken).ConfigureAwait(false);
            var expiredNow = 0;
            foreach (var reservationId in due)
            {
                var result = await ledger.ExpireAsync(reservationId, cancellationToken).ConfigureAwait(false);
                expiredNow += result.Outcome == ReservationOutcome.Applied ? 1 : 0;
            }

            expired += expiredNow;
            if (due.Count < batch || expiredNow == 0)
            {
                break;
            }
        }

        if (expired > 0)
        {
            LogExpired(expired);
        }

        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} reservations")]
    private partial void LogExpired(int count);
}
