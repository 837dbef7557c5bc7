using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Workflow;

/// <summary>
/// Deletes the Durable history of finished fulfilments older than <see cref="WorkflowOptions.HistoryRetention"/>
/// (a timer in the Function App). Never earlier: a finished instance is what makes a redelivered order-completed a
/// no-op, and its cancelled race timers stay queued until they are due, so it is kept past the longest wait an
/// order can have plus Service Bus's redelivery horizon (validated at start). Should an order-completed come back
/// after all, the link step finds the reservation already settled for that order and the run does nothing
/// (<see cref="FulfilmentOutcome.AlreadyFulfilled"/>).
/// </summary>
public sealed partial class FulfilmentHistoryPurge(IOptions<WorkflowOptions> options, TimeProvider time, ILogger<FulfilmentHistoryPurge> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Purges through <paramref name="client"/> (the Function App's <c>[DurableClient]</c>); returns how many instances went.</summary>
    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var before = time.GetUtcNow() - options.Value.HistoryRetention;
        var filter = new PurgeInstancesFilter(DateTimeOffset.UnixEpoch, before, Finished);
        var purged = await client.PurgeAllInstancesAsync(filter, cancellationToken).ConfigureAwait(false);
        LogPurged(purged.PurgedInstanceCount, before);
        return purged.PurgedInstanceCount;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} finished fulfilments created before {Before}")]
    private partial void LogPurged(int count, DateTimeOffset before);
}
