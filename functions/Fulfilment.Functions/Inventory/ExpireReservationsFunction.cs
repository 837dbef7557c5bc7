using Fulfilment.Inventory;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Inventory;

/// <summary>
/// The reservation-expiry sweep, every minute: releases (EXPIRED) every HELD reservation not linked to an order whose
/// TTL has passed. Overlapping runs are safe (each expiry is a conditional transaction); a failed run is the next
/// minute's work.
/// </summary>
public sealed class ExpireReservationsFunction(ExpireReservationsHandler sweep)
{
    /// <summary>NCRONTAB with seconds: at second 0 of every minute.</summary>
    public const string Schedule = "0 * * * * *";

    [Function(nameof(ExpireReservations))]
    public async Task ExpireReservations([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        await sweep.HandleAsync(cancellationToken).ConfigureAwait(false);
}
