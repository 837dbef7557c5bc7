namespace Fulfilment.Warehouse;

/// <summary>
/// What a Warehouse operation came to. The first six are successes; the last five are refusals that changed
/// nothing. HTTP adapters map them: successes → 200 (201 for a new job), NotFound → 404, Conflict and
/// IllegalTransition → 409, Invalid → 422, Forbidden → 403.
/// </summary>
public enum PickingOutcomeKind
{
    Created,
    Started,
    Packed,
    ShortPicked,
    Cancelled,
    ReadyForShipping,

    /// <summary>No picking job exists for the order.</summary>
    NotFound,

    /// <summary>Someone else got there first (another picker holds the job, or it was packed or short-picked differently).</summary>
    Conflict,

    /// <summary>The job's status does not allow the operation (e.g. pack a job nobody started, cancel a packed job).</summary>
    IllegalTransition,

    /// <summary>The input itself is wrong (parcelCount &lt; 1, unknown product line, empty reason…), whatever the status.</summary>
    Invalid,

    /// <summary>The caller may not do this to this job: it is neither the job's picker nor a supervisor.</summary>
    Forbidden,
}
