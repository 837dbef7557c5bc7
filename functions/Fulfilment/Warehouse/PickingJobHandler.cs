using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Warehouse;

/// <summary>
/// The Warehouse steps the fulfilment workflow calls: create the order's picking job, cancel it (compensation),
/// publish order-ready-for-shipping once it is packed, and read it for status views. Every step is idempotent.
/// </summary>
public sealed partial class PickingJobHandler(
    PickingJobStore store,
    IMessagePublisher publisher,
    TimeProvider time,
    ILogger<PickingJobHandler> logger)
{
    /// <summary>
    /// Creates the order's job from its reservation's items (Created, Changed). One job per order, ever: a second
    /// call returns the existing job as it stands (Created, not Changed), even when its items differ or it was
    /// cancelled meanwhile. Invalid when the items are empty, have a quantity below 1 or hold over 200 products.
    /// </summary>
    public async Task<PickingJobOutcome> CreateAsync(Guid orderId, IReadOnlyList<LineItem> items, CancellationToken cancellationToken)
    {
        var created = PickingJob.Create(orderId, items, time.GetUtcNow());
        if (created.Job is not { } job)
        {
            LogRefused(orderId, "create", created.Kind, created.Reason);
            return created;
        }

        if (await store.TryInsertAsync(job, cancellationToken).ConfigureAwait(false))
        {
            LogCreated(orderId, job.JobId, job.Lines.Count);
            return created;
        }

        var existing = await store.GetAsync(orderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The picking job of order {orderId:D} exists but could not be read.");
        if (!SameItems(existing, job))
        {
            LogDifferentItems(orderId, existing.JobId);
            return PickingJobOutcome.Repeated(PickingOutcomeKind.Created, existing,
                "the order already has a picking job; its items differ from the ones given, and it is returned unchanged");
        }

        return PickingJobOutcome.Repeated(PickingOutcomeKind.Created, existing, "the order already has a picking job");
    }

    /// <summary>
    /// Cancels the job (compensation): CREATED, PICKING or SHORT → CANCELLED. Cancelled again: a repeat (first reason
    /// kept). PACKED: IllegalTransition. No job: NotFound (nothing to compensate).
    /// </summary>
    public async Task<PickingJobOutcome> CancelAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await store.TransitionAsync(orderId, job => job.Cancel(reason, now), cancellationToken).ConfigureAwait(false);
        if (outcome.Changed)
        {
            LogCancelled(orderId, reason);
        }
        else if (!outcome.Succeeded)
        {
            LogRefused(orderId, "cancel", outcome.Kind, outcome.Reason);
        }

        return outcome;
    }

    /// <summary>
    /// Publishes order-ready-for-shipping for a PACKED job: parcelCount from packing, readyAt = packedAt, the address
    /// and service from the order. MessageId deterministic per order, body identical on every call. Not PACKED:
    /// IllegalTransition; no job: NotFound; a bad address or empty customerId: Invalid. Nothing is published then.
    /// </summary>
    public async Task<PickingJobOutcome> PublishReadyForShippingAsync(
        Guid orderId, Guid customerId, Address shippingAddress, ShippingService? service, CancellationToken cancellationToken)
    {
        if (ShippingAddressRules.Problem(customerId, shippingAddress) is { } problem)
        {
            LogRefused(orderId, "ready-for-shipping", PickingOutcomeKind.Invalid, problem);
            return PickingJobOutcome.Invalid(problem);
        }

        var job = await store.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return PickingJobOutcome.NotFound(orderId);
        }

        if (job.Status != PickingJobStatus.Packed)
        {
            var refused = PickingJobOutcome.Illegal(job, $"the picking job is {PickingJob.Wire(job.Status)}, not PACKED");
            LogRefused(orderId, "ready-for-shipping", refused.Kind, refused.Reason);
            return refused;
        }

        var body = new OrderReadyForShipping(orderId, shippingAddress, job.PackedAt!.Value, customerId, job.ParcelCount, service);
        await publisher.PublishAsync(
            OutgoingMessage.Create(MessageNames.OrderReadyForShipping, body, orderId.ToString("D"), orderId), cancellationToken).ConfigureAwait(false);
        LogReadyForShipping(orderId, job.ParcelCount ?? 0);
        return new PickingJobOutcome(PickingOutcomeKind.ReadyForShipping, job, Changed: false, Reason: null);
    }

    /// <summary>The order's job as it stands, or null when it has none.</summary>
    public Task<PickingJob?> GetAsync(Guid orderId, CancellationToken cancellationToken) => store.GetAsync(orderId, cancellationToken);

    private static bool SameItems(PickingJob a, PickingJob b) =>
        a.Lines.Select(l => (l.ProductId, l.Quantity)).Order().SequenceEqual(b.Lines.Select(l => (l.ProductId, l.Quantity)).Order());

    [LoggerMessage(Level = LogLevel.Information, Message = "Created picking job {JobId} of order {OrderId} with {LineCount} line(s)")]
    private partial void LogCreated(Guid orderId, Guid jobId, int lineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} already has picking job {JobId} with other items; the existing job is kept")]
    private partial void LogDifferentItems(Guid orderId, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled the picking job of order {OrderId}: {Reason}")]
    private partial void LogCancelled(Guid orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} is ready for shipping in {ParcelCount} parcel(s)")]
    private partial void LogReadyForShipping(Guid orderId, int parcelCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Operation} of the picking job of order {OrderId}: {Outcome} ({Reason})")]
    private partial void LogRefused(Guid orderId, string operation, PickingOutcomeKind outcome, string? reason);
}
