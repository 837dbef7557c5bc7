namespace Fulfilment.Messaging;

/// <summary>
/// The failures of one outbox drain run, row by row: a row that keeps failing (a message that can never be published)
/// must not hold up the rows after it, but many failures in one run mean an outage, and the run stops early
/// (<see cref="MaxPerRun"/>). Thrown together at the end, so <see cref="OutboxDrain"/> reports them.
/// </summary>
internal sealed class OutboxFailures(string outbox)
{
    /// <summary>Failures after which a run stops: the transport or storage is probably down; the next run tries again.</summary>
    public const int MaxPerRun = 5;

    private readonly List<Exception> failures = [];

    /// <summary>Records a row's failure; false when the run should stop.</summary>
    public bool Add(Exception failure)
    {
        failures.Add(failure);
        return failures.Count < MaxPerRun;
    }

    public void ThrowIfAny()
    {
        if (failures.Count > 0)
        {
            throw new AggregateException($"Outbox {outbox}: {failures.Count} row(s) could not be published; they stay pending for the next run.", failures);
        }
    }
}
