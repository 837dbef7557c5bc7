using Fulfilment.Sandbox.Host;
using Fulfilment.Sandbox.Replay;
using Fulfilment.Sandbox.Simulation;

namespace Fulfilment.Sandbox;

/// <summary>The sandbox's command line: <c>simulate [options]</c> (the default, a short demo) and <c>replay FILE</c>.</summary>
public static class SandboxCommand
{
    public const int Ok = 0;
    public const int InvariantBroken = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return args.FirstOrDefault() switch
            {
                null => await SimulateAsync(SimulationOptions.Demo, output, cancellationToken).ConfigureAwait(false),
                "simulate" => await SimulateAsync(SimulationOptions.Parse(args[1..]), output, cancellationToken).ConfigureAwait(false),
                "replay" when args.Length is 2 or 4 => await ReplayAsync(args[1], StorageArgument(args[2..]), output, cancellationToken).ConfigureAwait(false),
                "-h" or "--help" or "help" => Usage(output, Ok),
                _ => Usage(error, BadInput),
            };
        }
        catch (ScenarioException e)
        {
            await error.WriteLineAsync($"replay: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return Usage(error, BadInput);
        }
    }

    private static async Task<int> ReplayAsync(string file, string? storage, TextWriter output, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new ScenarioException($"no such file: {file}");
        }

        var scenario = ScenarioParser.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        var settings = new SandboxSettings { Start = scenario.Start, StorageConnectionString = storage, TimeScale = SandboxSettings.ReplayTimeScale };
        await using var host = await SandboxHost.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        await new ReplayRunner(host, output).RunAsync(scenario, cancellationToken).ConfigureAwait(false);
        return Ok;
    }

    private static async Task<int> SimulateAsync(SimulationOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await new Simulator(options, options.Progress ? Console.Error : null).RunAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(options.Json ? report.ToJson() : report.ToText()).ConfigureAwait(false);
        return report.IsSound ? Ok : InvariantBroken;
    }

    private static string? StorageArgument(string[] rest) =>
        rest.Length == 0 ? null
        : rest[0] == "--storage" ? rest[1]
        : throw new ArgumentException($"unknown option '{rest[0]}'");

    private static int Usage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("""
            Fulfilment sandbox: the whole order flow in one process, on Table Storage (Azurite started for you).

              dotnet run --project tools/Fulfilment.Sandbox                       a short demo (simulate, a few hundred orders)
              dotnet run --project tools/Fulfilment.Sandbox -- simulate [options] N orders over M products, optional chaos
              dotnet run --project tools/Fulfilment.Sandbox -- replay FILE [--storage CONNECTION_STRING]

            simulate options:
              --orders N (300)  --products M (40)  --lines K (3)  --seed S (1)  --concurrency C (4)
              --duplicates R  --reorder  --storage-faults R  --cancel R  --abandon R  --carrier-fail R  (rates 0..1)
              --storage CONNECTION_STRING   use this account instead of starting Azurite
              --json                        one JSON object instead of tables

            Exit codes: 0 sound; 1 oversell, invariant violation or lost message; 2 bad arguments or scenario file.
            """);
        return exitCode;
    }
}
