using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Warehouse;

/// <summary>
/// What the picking floor does (the HTTP endpoints are thin adapters over it): list jobs by status, start a job,
/// pack it (→ order-packed), report a short pick (→ order-short-picked). Jobs are addressed by orderId. A change
/// is written together with its event in the job's outbox (one transaction, see <see cref="PickingJobStore"/>), then
/// the event is published and the outbox row removed (one more storage call per pack or short pick). A repeat
/// republishes the same message (same MessageId and body); a publish that failed after the write is completed by
/// calling again, or, if no call comes, by <see cref="PickingFloorOutbox"/> on its timer.
/// </summary>
public sealed partial class PickingFloorHandler(
    PickingJobStore store,
    IMessagePublisher publisher,
    TimeProvider time,
    IOptions<WarehouseOptions> options,
    ILogger<PickingFloorHandler> logger)
{
    /// <summary>Jobs in <paramref name="status"/>, oldest first (by the time they entered it), a page at a time.</summary>
    public async Task<PickingJobListOutcome> ListAsync(PickingJobStatus status, int? pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var size = pageSize ?? options.Value.DefaultPageSize;
        if (!Enum.IsDefined(status))
        {
            return PickingJobListOutcome.Refused($"unknown status {status}");
        }

        if (size < 1 || size > options.Value.MaxPageSize)
        {
            return PickingJobListOutcome.Refused($"pageSize must be between 1 and {options.Value.MaxPageSize}; got {size}");
        }

        string? after = null;
        if (cursor is not null && (after = PickingJobCursor.Decode(cursor, status)) is null)
        {
            return PickingJobListOutcome.Refused($"the cursor is malformed or belongs to a list of another status than {PickingJob.Wire(status)}");
        }

        var rows = await store.ListAsync(status, size + 1, after, cancellationToken).ConfigureAwait(false);
        var page = rows.Take(size).ToArray();
        var next = rows.Count > size ? PickingJobCursor.Encode(page[^1].RowKey) : null;
        return PickingJobListOutcome.Of(new PickingJobPage(status, page.Select(r => r.Job).ToArray(), next));
    }

    /// <summary>CREATED → PICKING for <paramref name="caller"/>, who becomes the picker. Two pickers racing: one Started, the other Conflict.</summary>
    public async Task<PickingJobOutcome> StartAsync(Guid orderId, FloorCaller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await store.TransitionAsync(orderId, job => job.Start(caller, now), cancellationToken).ConfigureAwait(false);
        Log(orderId, "start", outcome);
        return outcome;
    }

    /// <summary>
    /// PICKING → PACKED in <paramref name="parcelCount"/> parcels (1–999), then publishes order-packed. Only the job's
    /// picker or a supervisor (<paramref name="caller"/>) may pack it.
    /// </summary>
    public async Task<PickingJobOutcome> PackAsync(Guid orderId, FloorCaller caller, int parcelCount, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await store.TransitionAsync(orderId, job => job.Pack(caller, parcelCount, now), cancellationToken).ConfigureAwait(false);
        Log(orderId, "pack", outcome);
        if (outcome is { Kind: PickingOutcomeKind.Packed, Job: { } job })
        {
            await PublishAsync(job, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// PICKING → SHORT: only <paramref name="picked"/> (0 ≤ picked &lt; quantity) of <paramref name="productId"/>'s
    /// line were on the shelf. Publishes order-short-picked, which the workflow turns into compensation. Only the
    /// job's picker or a supervisor (<paramref name="caller"/>) may report it.
    /// </summary>
    public async Task<PickingJobOutcome> ReportShortAsync(
        Guid orderId, FloorCaller caller, Guid productId, int picked, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await store.TransitionAsync(orderId, job => job.ReportShort(caller, productId, picked, reason, now), cancellationToken).ConfigureAwait(false);
        Log(orderId, "short pick", outcome);
        if (outcome is { Kind: PickingOutcomeKind.ShortPicked, Job: { } job })
        {
            await PublishAsync(job, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// Publishes the job's announcement (the message its transition wrote to the outbox in the same transaction), then
    /// deletes the outbox row. A failure on the way propagates; the row then stays for the next call or for
    /// <see cref="PickingFloorOutbox"/>'s drain, which publish the same message.
    /// </summary>
    private async Task PublishAsync(PickingJob job, CancellationToken cancellationToken)
    {
        var message = job.Announcement() ?? throw new InvalidOperationException($"A {PickingJob.Wire(job.Status)} job announces nothing.");
        await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        await store.RemoveFromOutboxAsync(job.OrderId, cancellationToken).ConfigureAwait(false);
    }

    private void Log(Guid orderId, string operation, PickingJobOutcome outcome)
    {
        if (outcome.Changed)
        {
            LogApplied(orderId, operation, outcome.Job?.Status ?? default);
        }
        else if (!outcome.Succeeded)
        {
            LogRefused(orderId, operation, outcome.Kind, outcome.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Picking job of order {OrderId}: {Operation} → {Status}")]
    private partial void LogApplied(Guid orderId, string operation, PickingJobStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Operation} of the picking job of order {OrderId}: {Outcome} ({Reason})")]
    private partial void LogRefused(Guid orderId, string operation, PickingOutcomeKind outcome, string? reason);
}
