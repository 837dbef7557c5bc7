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
            // All at once: the group commit writes them in as few transactions as the 100-operation limit allows.
            var results = await Task.WhenAll(due.Select(id => ledger.ExpireAsync(id, cancellationToken))).ConfigureAwait(false);
            var expiredNow = results.Count(r => r.Outcome == ReservationOutcome.Applied);

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
