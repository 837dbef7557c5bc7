using System.Globalization;

namespace Fulfilment.Sandbox.Simulation;

/// <summary>The knobs of <c>simulate</c>; rates are probabilities from 0 to 1.</summary>
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

    /// <summary>Shows progress on standard error.</summary>
    public bool Progress { get; init; } = true;

    public static SimulationOptions Demo { get; } = new() { Cancel = 0.05, CarrierFail = 0.05 };

    public static SimulationOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SimulationOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--orders" => options with { Orders = Whole(Value(), "--orders", 1) },
                "--products" => options with { Products = Whole(Value(), "--products", 1) },
                "--lines" => options with { Lines = Whole(Value(), "--lines", 1) },
                "--seed" => options with { Seed = Whole(Value(), "--seed", 0) },
                "--concurrency" => options with { Concurrency = Whole(Value(), "--concurrency", 1) },
                "--duplicates" => options with { Duplicates = Rate(Value(), "--duplicates") },
                "--reorder" => options with { Reorder = true },
                "--storage-faults" => options with { StorageFaults = Rate(Value(), "--storage-faults") },
                "--cancel" => options with { Cancel = Rate(Value(), "--cancel") },
                "--abandon" => options with { Abandon = Rate(Value(), "--abandon") },
                "--carrier-fail" => options with { CarrierFail = Rate(Value(), "--carrier-fail") },
                "--storage" => options with { Storage = Value() },
                "--json" => options with { Json = true },
                "--no-progress" => options with { Progress = false },
                var other => throw new ArgumentException($"unknown simulate option '{other}'"),
            };
        }

        return options.Lines > options.Products
            ? throw new ArgumentException("--lines cannot exceed --products (lines are distinct products)")
            : options;
    }

    private static int Whole(string text, string name, int minimum) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{name} must be a whole number ≥ {minimum}, got '{text}'");

    private static double Rate(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentException($"{name} must be a rate from 0 to 1, got '{text}'");
}
