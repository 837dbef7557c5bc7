namespace Fulfilment.Warehouse;

/// <summary>A page of jobs, or why the request was refused (page size out of range, malformed cursor): HTTP 200 or 422.</summary>
public sealed record PickingJobListOutcome(PickingJobPage? Page, string? Invalid)
{
    public bool Succeeded => Page is not null;

    public static PickingJobListOutcome Of(PickingJobPage page) => new(page, null);

    public static PickingJobListOutcome Refused(string reason) => new(null, reason);
}
