namespace Fulfilment.Warehouse;

/// <summary>
/// Who asks the picking floor to act: the stable id of the authenticated principal (in Azure, the Entra object id
/// of the signed-in user; never a display name) and whether it holds the supervisor role. A job is started by its
/// caller, who becomes its picker; only that picker or a supervisor may pack it or report a short pick on it.
/// Built by <see cref="FloorAccess"/> from a principal's id and app roles (the Function App) or directly (the sandbox).
/// </summary>
public sealed record FloorCaller(string Id, bool IsSupervisor)
{
    /// <summary>A picker: may start a job and work the jobs it started.</summary>
    public static FloorCaller Picker(string id) => new(id, IsSupervisor: false);

    /// <summary>A supervisor: may also pack or report a short pick on a job another picker started.</summary>
    public static FloorCaller Supervisor(string id) => new(id, IsSupervisor: true);

    /// <summary>
    /// True when a start request's <paramref name="pickerId"/> (an older client's body field) names this caller, or is
    /// absent: a job is started by its caller, never on someone else's behalf.
    /// </summary>
    public bool IsNamedBy(string? pickerId) => pickerId is null || string.Equals(pickerId.Trim(), Id, StringComparison.Ordinal);

    /// <summary>True when this caller may act on a job started by <paramref name="picker"/>: it is that picker, or a supervisor.</summary>
    public bool MayWork(string? picker) => IsSupervisor || string.Equals(Id.Trim(), picker, StringComparison.Ordinal);
}
