using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Warehouse;

/// <summary>
/// The picking floor's outbox, drained on a timer (<see cref="OutboxDrain"/>): every outbox row a pack or short pick
/// left behind — its publish failed, or the process stopped between the write and the publish, and the device did
/// not call again — is published (the stored message: same MessageId and body as the handler's) and then deleted.
/// Rows are found by a range query on the <c>jobs</c> partition, never a scan; one page per run.
/// </summary>
public sealed partial class PickingFloorOutbox(PickingJobStore store, IMessagePublisher publisher, ILogger<PickingFloorOutbox> logger) : IOutbox
{
    /// <summary>Outbox rows handled per run; the rest wait for the next run.</summary>
    public const int PageSize = 500;

    public string Name => "picking floor";

    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var pending = await store.PendingAsync(PageSize, cancellationToken).ConfigureAwait(false);
        var failures = new OutboxFailures(Name);
        var sent = 0;
        foreach (var (orderId, message) in pending)
        {
            try
            {
                await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
                await store.RemoveFromOutboxAsync(orderId, cancellationToken).ConfigureAwait(false);
                LogPublished(message.Name, orderId, message.MessageId);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRowFailed(e, orderId);
                if (!failures.Add(e))
                {
                    break; // likely an outage: the rest wait for the next run
                }
            }
        }

        failures.ThrowIfAny();
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The picking floor's outbox row of order {OrderId} could not be published; the next rows go on")]
    private partial void LogRowFailed(Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published {MessageName} for order {OrderId} as {MessageId} from the picking floor's outbox")]
    private partial void LogPublished(string messageName, Guid orderId, string messageId);
}
