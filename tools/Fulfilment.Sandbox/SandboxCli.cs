using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Fulfilment.Sandbox.Simulation;

namespace Fulfilment.Sandbox;

/// <summary>
/// The sandbox's command line, declared with System.CommandLine: <c>simulate [options]</c>, <c>replay FILE
/// [--storage]</c>, and no command for the demo. Every value is checked here, with a message that names the option.
/// </summary>
public static class SandboxCli
{
    private static readonly SimulationOptions Defaults = new();

    public static readonly Option<int> Orders = Whole("--orders", 1, Defaults.Orders, "orders (checkouts) to run");
    public static readonly Option<int> Products = Whole("--products", 1, Defaults.Products, "products in the catalogue");
    public static readonly Option<int> Lines = Whole("--lines", 1, Defaults.Lines, "distinct products per cart");
    public static readonly Option<int> Seed = Whole("--seed", 0, Defaults.Seed, "seed of every random choice");
    public static readonly Option<int> Concurrency = Whole("--concurrency", 1, Defaults.Concurrency, "deliveries handled at once by the bus");
    public static readonly Option<double> Duplicates = Rate("--duplicates", "rate of duplicated deliveries");
    public static readonly Option<bool> Reorder = new("--reorder") { Description = "deliver in random order, some late" };
    public static readonly Option<double> StorageFaults = Rate("--storage-faults", "rate of injected storage faults");
    public static readonly Option<double> Cancel = Rate("--cancel", "rate of orders cancelled by ordering");
    public static readonly Option<double> Abandon = Rate("--abandon", "rate of deliveries abandoned before completion");
    public static readonly Option<double> CarrierFail = Rate("--carrier-fail", "rate of shipments that fail");
    public static readonly Option<string?> Storage = new("--storage") { Description = "a Table Storage connection string (default: start Azurite)" };
    public static readonly Option<bool> Json = new("--json") { Description = "one JSON object instead of tables" };
    public static readonly Option<bool> NoProgress = new("--no-progress") { Description = "no progress bar on standard error" };
    public static readonly Argument<FileInfo> ScenarioFile = new("FILE") { Description = "a scenario file (JSON)" };

    public const string Description = """
        Fulfilment sandbox: the whole order flow in one process, on Table Storage (Azurite started for you), with the
        orchestrations on the real Durable engine in process. With no command, a short demo (simulate, 300 orders).

        Exit codes: 0 sound; 1 oversell, invariant violation or lost message; 2 bad arguments or scenario file.
        """;

    /// <summary>The commands, without actions (<see cref="SandboxCommand"/> gives them theirs).</summary>
    public static RootCommand Build()
    {
        var simulate = new Command("simulate", "N orders over M products, with optional chaos; prints a report")
        {
            Orders, Products, Lines, Seed, Concurrency, Duplicates, Reorder, StorageFaults, Cancel, Abandon, CarrierFail, Storage, Json, NoProgress,
        };
        simulate.Validators.Add(result =>
        {
            try
            {
                if (result.GetValue(Lines) > result.GetValue(Products))
                {
                    result.AddError("--lines cannot exceed --products (lines are distinct products)");
                }
            }
            catch (InvalidOperationException)
            {
                // One of the two values is itself invalid: its own error already says so.
            }
        });
        var replay = new Command("replay", "replays a scenario file; prints every published message, dead-letter and rejection as JSON lines, then the final state")
        {
            ScenarioFile, Storage,
        };
        return new RootCommand(Description) { simulate, replay };
    }

    public static ParseResult Parse(IReadOnlyList<string> args) => Build().Parse(args);

    public static SimulationOptions SimulationOptionsOf(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new SimulationOptions
        {
            Orders = parsed.GetValue(Orders),
            Products = parsed.GetValue(Products),
            Lines = parsed.GetValue(Lines),
            Seed = parsed.GetValue(Seed),
            Concurrency = parsed.GetValue(Concurrency),
            Duplicates = parsed.GetValue(Duplicates),
            Reorder = parsed.GetValue(Reorder),
            StorageFaults = parsed.GetValue(StorageFaults),
            Cancel = parsed.GetValue(Cancel),
            Abandon = parsed.GetValue(Abandon),
            CarrierFail = parsed.GetValue(CarrierFail),
            Storage = parsed.GetValue(Storage),
            Json = parsed.GetValue(Json),
            Progress = !parsed.GetValue(NoProgress),
        };
    }

    private static Option<int> Whole(string name, int minimum, int defaultValue, string description) => new(name)
    {
        Description = $"{description} (default {defaultValue})",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Checked(result, int.TryParse(Token(result), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum,
            value, $"{name} must be a whole number ≥ {minimum}, got '{Token(result)}'"),
    };

    private static Option<double> Rate(string name, string description) => new(name)
    {
        Description = $"{description}, 0 to 1 (default 0)",
        CustomParser = result => Checked(result, double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1,
            value, $"{name} must be a rate from 0 to 1, got '{Token(result)}'"),
    };

    private static string Token(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";

    private static T Checked<T>(ArgumentResult result, bool valid, T value, string error)
    {
        if (!valid)
        {
            result.AddError(error);
        }

        return value;
    }
}
