namespace Fulfilment.Inventory;

/// <summary>
/// One inventory operation as the group commit runs it (<see cref="InventoryGroupCommit"/>): it names the rows it
/// needs, then decides on them — changing them if it writes — and is answered once the group's transaction has
/// committed (or at once if the group wrote nothing). It may be decided more than once (after a lost race, or
/// when it asks for a fresh read): <see cref="Decide"/> starts from the rows afresh each time.
/// </summary>
internal abstract class InventoryCommand
{
    /// <summary>Row keys to read before deciding, unless cached (a first guess: <see cref="Decide"/> may ask for more).</summary>
    public abstract IEnumerable<string> Needs(InventoryRows rows);

    /// <summary>At most how many operations deciding it can add to the transaction.</summary>
    public abstract int MaxOperations(InventoryRows rows);

    /// <summary>
    /// Decides on <paramref name="rows"/>, changing them when it writes; false when it cannot decide yet — a row it
    /// needs is unknown, or a decision that writes nothing would rest on a cached row (see <see cref="InventoryRows.Wanted"/>).
    /// </summary>
    public abstract bool Decide(InventoryRows rows);

    /// <summary>Answers the caller with the decision taken (its writes, if any, are committed).</summary>
    public abstract void Complete();

    public abstract void Fail(Exception error);
}

/// <summary>An <see cref="InventoryCommand"/> whose caller awaits a <typeparamref name="T"/>.</summary>
internal abstract class InventoryCommand<T> : InventoryCommand
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Completion => completion.Task;

    /// <summary>The answer decided last; given to the caller only once its group committed.</summary>
    protected T? Decision { get; set; }

    public override void Complete() => completion.TrySetResult(Decision!);

    public override void Fail(Exception error) => completion.TrySetException(error);
}
