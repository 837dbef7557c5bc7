namespace Fulfilment.Warehouse;

/// <summary>
/// One page of a job list, oldest first. <see cref="NextCursor"/> is null on the last page; otherwise pass it back
/// to get the next one.
/// </summary>
public sealed record PickingJobPage(PickingJobStatus Status, IReadOnlyList<PickingJob> Jobs, string? NextCursor);
