namespace Fulfilment.Sandbox.Simulation;

/// <summary>The knobs of <c>simulate</c> (parsed by <see cref="SandboxCommand"/>); rates are probabilities from 0 to 1.</summary>
public sealed record SimulationOptions
{
    public int Orders { get; init; } = 300;

    public int Products { get; init; } = 40;

    public int Lines { get; init; } = 3;

    public int Seed { get; init; } = 1;

    public int Concurrency { get; init; } = 4;

    public double Duplicates { get; init; }

    public bool Reorder { get; init; }

    public double StorageFaults { get; init; }

    public double Cancel { get; init; }

    public double Abandon { get; init; }

    public double CarrierFail { get; init; }

    public bool Json { get; init; }

    public string? Storage { get; init; }

    /// <summary>Orders handled per wave: bounds what is held in memory whatever the total.</summary>
    public int WaveSize { get; init; } = 250;

    /// <summary>Shows a progress bar on standard error.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>What the sandbox runs with no arguments: a short demo with a little trouble in it.</summary>
    public static SimulationOptions Demo { get; } = new() { Cancel = 0.05, CarrierFail = 0.05 };

    /// <summary>Parses <c>simulate</c>'s options; throws <see cref="ArgumentException"/> with every problem found.</summary>
    public static SimulationOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = SandboxCli.Parse(["simulate", .. args]);
        return parsed.Errors.Count > 0
            ? throw new ArgumentException(string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)))
            : SandboxCli.SimulationOptionsOf(parsed);
    }
}
