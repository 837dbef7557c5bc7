using Fulfilment.Warehouse;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// The picking floor, scripted: what warehouse staff do through the picking-floor endpoints, through the same
/// Warehouse handler. Each call returns the outcome; like a real client, it retries what a 500 would answer.
/// The sandbox calls the handler directly, with no HTTP and no App Service authentication in between, so it
/// supplies the caller itself: one picker, <see cref="Picker"/>, who starts every job and so may pack it or report
/// its short pick (what the Function App takes from the Entra principal, docs/warehouse.md).
/// </summary>
public sealed class PickingFloorScript(PickingFloorHandler floor)
{
    /// <summary>The sandbox's one picker (an id like an Entra object id would be, holding the picker role).</summary>
    public static readonly FloorCaller Picker = FloorCaller.Picker("sandbox-picker");

    /// <summary>Starts and packs the order's job; the first refusal is returned.</summary>
    public async Task<PickingJobOutcome> PickAndPackAsync(Guid orderId, int parcelCount, CancellationToken cancellationToken)
    {
        var started = await ClientRetry.RunAsync(() => floor.StartAsync(orderId, Picker, cancellationToken)).ConfigureAwait(false);
        return started.Succeeded
            ? await ClientRetry.RunAsync(() => floor.PackAsync(orderId, Picker, parcelCount, cancellationToken)).ConfigureAwait(false)
            : started;
    }

    /// <summary>Starts the job and reports a short pick on <paramref name="productId"/> (its first line if null).</summary>
    public async Task<PickingJobOutcome> ShortPickAsync(Guid orderId, Guid? productId, int picked, string reason, CancellationToken cancellationToken)
    {
        var started = await ClientRetry.RunAsync(() => floor.StartAsync(orderId, Picker, cancellationToken)).ConfigureAwait(false);
        if (!started.Succeeded)
        {
            return started;
        }

        var product = productId ?? started.Job!.Lines[0].ProductId;
        return await ClientRetry.RunAsync(() => floor.ReportShortAsync(orderId, Picker, product, picked, reason, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Every job waiting in CREATED, oldest first.</summary>
    public async Task<IReadOnlyList<PickingJob>> WaitingJobsAsync(CancellationToken cancellationToken)
    {
        var jobs = new List<PickingJob>();
        string? cursor = null;
        do
        {
            var after = cursor;
            var page = await ClientRetry.RunAsync(() => floor.ListAsync(PickingJobStatus.Created, 100, after, cancellationToken)).ConfigureAwait(false);
            jobs.AddRange(page.Page!.Jobs);
            cursor = page.Page.NextCursor;
        }
        while (cursor is not null);

        return jobs;
    }
}
