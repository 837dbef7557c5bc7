namespace Fulfilment.Tests.BadInput;

/// <summary>
/// One row of docs/bad-input.md: an input to an entry point, the answer it must get (<see cref="Response"/>, with a
/// <see cref="Detail"/> that names the problem) and what must stay as it was. <see cref="Arrange"/> builds the state
/// the input meets; the snapshot is taken after it, and <see cref="Act"/> sends the input.
/// </summary>
internal sealed record BadInputCase(
    string Id,
    string EntryPoint,
    string Input,
    string Response,
    string Detail,
    Func<CatalogueWorld, Task<Func<Task<Answer>>>> Arrange,
    CaseState State = CaseState.Unchanged,
    string? Publishes = null)
{
    /// <summary>A case with no state to arrange.</summary>
    public static BadInputCase Of(string id, string entryPoint, string input, string response, string detail, Func<CatalogueWorld, Task<Answer>> act) =>
        new(id, entryPoint, input, response, detail, world => Task.FromResult<Func<Task<Answer>>>(() => act(world)));

    /// <summary>The docs table's "state" column.</summary>
    public string StateText => State switch
    {
        CaseState.EventIdRecorded => "content unchanged but the event id, recorded so a replay is recognised; nothing published",
        CaseState.WorkflowUnchanged => "tables unchanged; nothing published; no workflow instance started or changed",
        CaseState.EventIgnored => "tables unchanged; nothing published; the instance stays where it was and only counts the event as ignored",
        _ when Publishes is not null => $"tables unchanged; only `{Publishes}` published (the answer)",
        _ => "tables unchanged; nothing published",
    };

    public override string ToString() => Id;
}

/// <summary>What the catalogue checks stayed as it was.</summary>
internal enum CaseState
{
    /// <summary>No row written (every ETag as before).</summary>
    Unchanged,

    /// <summary>An authentic, well-formed carrier event that changes nothing: only its event id is recorded (dedupe).</summary>
    EventIdRecorded,

    /// <summary>No row written, and every workflow instance as it was (none started, none moved on).</summary>
    WorkflowUnchanged,

    /// <summary>No row written; the running instance took the event and ignored it (its ignored count goes up by one, nothing else changes).</summary>
    EventIgnored,
}
