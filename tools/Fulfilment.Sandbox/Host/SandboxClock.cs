namespace Fulfilment.Sandbox.Host;

/// <summary>
/// The one virtual clock of a sandbox run: every handler's TimeProvider reads the workflow runtime's clock, so
/// the times handlers write and the timers the workflow waits on never disagree.
/// </summary>
public sealed class SandboxClock(DateTimeOffset start) : TimeProvider
{
    private Func<DateTimeOffset>? source;

    public void Follow(Func<DateTimeOffset> clock) => source = clock;

    public override DateTimeOffset GetUtcNow() => source?.Invoke() ?? start;
}
