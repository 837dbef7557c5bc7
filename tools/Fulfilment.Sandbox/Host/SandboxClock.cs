namespace Fulfilment.Sandbox.Host;

/// <summary>
/// The scenario clock every handler reads (its TimeProvider): it starts at the scenario's start and moves only when
/// the scenario advances it. The Durable engine's timers run on the real clock; <see cref="SandboxWorkflows"/> maps
/// scenario time onto them.
/// </summary>
public sealed class SandboxClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
