using Microsoft.Extensions.Logging;

namespace Fulfilment.Messaging;

/// <summary>
/// Drains every registered <see cref="IOutbox"/> (the picking floor's and Shipping's): the logic of the Function App's
/// <c>DrainOutboxes</c> timer and of the sandbox's clock advances. Each outbox is drained even when another fails;
/// the failures are thrown together at the end (the next run retries what they left pending). Overlapping runs are
/// safe: a message published twice keeps its deterministic MessageId, so duplicate detection drops the second send.
/// </summary>
public sealed partial class OutboxDrain(IEnumerable<IOutbox> outboxes, ILogger<OutboxDrain> logger)
{
    /// <summary>Drains each outbox once; returns how many messages were published in all.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        List<Exception>? failures = null;
        foreach (var outbox in outboxes)
        {
            try
            {
                var sent = await outbox.DrainAsync(cancellationToken).ConfigureAwait(false);
                if (sent > 0)
                {
                    LogDrained(outbox.Name, sent);
                }

                published += sent;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                (failures ??= []).Add(e);
            }
        }

        return failures is null ? published : throw new AggregateException("Draining an outbox failed; its messages stay pending for the next run.", failures);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Outbox}: published {Count} message(s) a handler had left unpublished")]
    private partial void LogDrained(string outbox, int count);
}
