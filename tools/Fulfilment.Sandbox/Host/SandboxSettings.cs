using Fulfilment.Sandbox.Bus;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Sandbox.Host;

/// <summary>How a sandbox run is set up: storage, start time, bus chaos, storage faults and concurrency.</summary>
public sealed record SandboxSettings
{
    /// <summary>A Table Storage connection string; null starts Azurite in memory.</summary>
    public string? StorageConnectionString { get; init; }

    public DateTimeOffset Start { get; init; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public BusChaos Chaos { get; init; } = BusChaos.None;

    /// <summary>Probability of an injected transient fault per storage request (503 before send / lost response after).</summary>
    public double StorageFaultRate { get; init; }

    /// <summary>Deliveries handled at once by the bus.</summary>
    public int Concurrency { get; init; } = 1;

    public int MaxDeliveryCount { get; init; } = 10;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Real time per unit of scenario time for the workflow's timers (replay: 50 ms per scenario hour, so a 24 h
    /// timeout is 1.2 s of engine time); null leaves the timeouts real and an advance moves only the handlers' clock
    /// (simulate, whose advances cross no workflow deadline).
    /// </summary>
    public double? TimeScale { get; init; }

    /// <summary>
    /// The workflow steps' first retry interval (forward steps and compensations), replacing the configured 5 s; the
    /// attempts and back-off stay as configured. Null keeps the configuration.
    /// </summary>
    public TimeSpan? RetryInterval { get; init; }

    /// <summary>The replay default: 50 ms of engine time per scenario hour.</summary>
    public const double ReplayTimeScale = 0.05 / 3600;

    /// <summary>Show the handlers' logs (warnings and up) on standard error.</summary>
    public bool Verbose { get; init; }

    /// <summary>
    /// Also sends every log line of every level (the handlers', the activities', the orchestrations' and the
    /// engine's) to this provider; the console keeps its own level. For tests that read what the app logs.
    /// </summary>
    public ILoggerProvider? LogSink { get; init; }
}
