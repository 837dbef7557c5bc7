using System.Diagnostics;
using System.Globalization;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// Runs the sandbox's command again in a child process with <c>DOTNET_PROCESSOR_COUNT</c> set, sharing this
/// process's console (standard input, output and error are inherited, so replay's JSON lines stay clean), and
/// returns its exit code. The in-process Durable engine runs only <see cref="Environment.ProcessorCount"/> work
/// items at once and otherwise stalls; the count can only be set before a process starts.
/// </summary>
internal static class EngineProcess
{
    public const string Variable = "DOTNET_PROCESSOR_COUNT";

    public static async Task<int> RunAgainWithEnoughProcessorsAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } already)
        {
            await Console.Error.WriteLineAsync(
                $"{Variable}={already} is below the {SandboxHost.MinimumProcessorCount} the in-process Durable engine needs: unset it or raise it.").ConfigureAwait(false);
            return SandboxCommand.BadInput;
        }

        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The sandbox cannot find its own executable.");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(EngineProcess).Assembly.Location); // started as "dotnet Fulfilment.Sandbox.dll"
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Variable] = (SandboxHost.MinimumProcessorCount * 8).ToString(CultureInfo.InvariantCulture);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The sandbox could not start its engine process.");
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }
}
