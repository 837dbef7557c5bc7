using System.CommandLine;
using Fulfilment.Sandbox.Host;
using Fulfilment.Sandbox.Replay;
using Fulfilment.Sandbox.Simulation;
using Spectre.Console;

namespace Fulfilment.Sandbox;

/// <summary>The sandbox's entry point: <see cref="SandboxCli"/>'s commands with their actions, and the exit codes.</summary>
public static class SandboxCommand
{
    public const int Ok = 0;
    public const int InvariantBroken = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var root = SandboxCli.Build();
        root.SetAction((_, ct) => SimulateAsync(SimulationOptions.Demo, output, error, ct));
        root.Subcommands.Single(c => c.Name == "simulate").SetAction((parsed, ct) => SimulateAsync(SandboxCli.SimulationOptionsOf(parsed), output, error, ct));
        root.Subcommands.Single(c => c.Name == "replay").SetAction((parsed, ct) =>
            ReplayAsync(parsed.GetRequiredValue(SandboxCli.ScenarioFile), parsed.GetValue(SandboxCli.Storage), output, ct));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            await root.Parse("--help").InvokeAsync(new InvocationConfiguration { Output = error }, cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (ScenarioException e)
        {
            await error.WriteLineAsync($"replay: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
    }

    private static async Task<int> ReplayAsync(FileInfo file, string? storage, TextWriter output, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new ScenarioException($"no such file: {file.FullName}");
        }

        var scenario = ScenarioParser.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false));
        var settings = new SandboxSettings { Start = scenario.Start, StorageConnectionString = storage, TimeScale = SandboxSettings.ReplayTimeScale };
        await using var host = await SandboxHost.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        await new ReplayRunner(host, output).RunAsync(scenario, cancellationToken).ConfigureAwait(false);
        return Ok;
    }

    private static async Task<int> SimulateAsync(SimulationOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var report = options.Progress && !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error)
            ? await WithProgressBarAsync(options, cancellationToken).ConfigureAwait(false)
            : await new Simulator(options).RunAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(options.Json ? report.ToJson() : report.ToText()).ConfigureAwait(false);
        return report.IsSound ? Ok : InvariantBroken;
    }

    /// <summary>simulate with a Spectre.Console progress bar on standard error (only when it is a terminal).</summary>
    private static Task<SimulationReport> WithProgressBarAsync(SimulationOptions options, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{options.Orders} orders", maxValue: options.Orders);
                var progress = new Progress<int>(done => task.Value = done);
                return await new Simulator(options, progress).RunAsync(cancellationToken).ConfigureAwait(false);
            });
    }
}
