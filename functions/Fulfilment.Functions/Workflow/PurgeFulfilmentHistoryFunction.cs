using Fulfilment.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fulfilment.Functions.Workflow;

/// <summary>
/// Once a day, deletes the Durable history of finished fulfilments older than <c>Workflow:HistoryRetention</c>
/// (<see cref="FulfilmentHistoryPurge"/>; never a running one). A missed or failed run is the next day's work.
/// </summary>
public sealed class PurgeFulfilmentHistoryFunction(FulfilmentHistoryPurge purge)
{
    /// <summary>NCRONTAB with seconds: 03:30 UTC every day.</summary>
    public const string Schedule = "0 30 3 * * *";

    [Function(nameof(PurgeFulfilmentHistory))]
    public async Task PurgeFulfilmentHistory(
        [TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        await purge.PurgeAsync(client, cancellationToken).ConfigureAwait(false);
}
