using Fulfilment.Sandbox;

namespace Fulfilment.Tests.Sandbox;

/// <summary>The command line's exit codes and messages for bad input; none of these needs storage (they stop before starting it).</summary>
public sealed class SandboxCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    public async Task RunAsync_ReplayFileWithAMalformedStep_ExitCode2NamingTheStepAndTheProblem()
    {
        await File.WriteAllTextAsync(file, """
            { "start": "2026-03-02T09:00:00Z", "stock": [],
              "steps": [ { "advance": "PT1H" }, { "pick": { "orderId": "not-a-uuid" } } ] }
            """);

        var exitCode = await RunAsync("replay", file);

        Assert.Equal(SandboxCommand.BadInput, exitCode);
        Assert.Contains("step 1.pick.orderId: must be a UUID", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReplayFileThatIsNotJson_ExitCode2SayingSo()
    {
        await File.WriteAllTextAsync(file, "steps: [ pick ]");

        var exitCode = await RunAsync("replay", file);

        Assert.Equal(SandboxCommand.BadInput, exitCode);
        Assert.Contains("the file is not JSON", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReplayMissingFile_ExitCode2NamingTheFile()
    {
        var exitCode = await RunAsync("replay", file);

        Assert.Equal(SandboxCommand.BadInput, exitCode);
        Assert.Contains("no such file: " + file, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReplayWithUnknownOption_ExitCode2NamingTheOption()
    {
        var exitCode = await RunAsync("replay", file, "--colour", "blue");

        Assert.Equal(SandboxCommand.BadInput, exitCode);
        Assert.Contains("--colour", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SimulateWithBadRate_ExitCode2NamingTheOption()
    {
        var exitCode = await RunAsync("simulate", "--duplicates", "1.5");

        Assert.Equal(SandboxCommand.BadInput, exitCode);
        Assert.Contains("--duplicates must be a rate from 0 to 1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_ExitCode2WithUsageOnStandardError()
    {
        var exitCode = await RunAsync("deploy");

        Assert.Equal(SandboxCommand.BadInput, exitCode);
        Assert.Contains("'deploy'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("replay <FILE>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ExitCode0WithUsageOnStandardOutput()
    {
        var exitCode = await RunAsync("--help");

        Assert.Equal(SandboxCommand.Ok, exitCode);
        Assert.Contains("Exit codes:", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        File.Delete(file);
        output.Dispose();
        error.Dispose();
    }

    private Task<int> RunAsync(params string[] args) => SandboxCommand.RunAsync(args, output, error, CancellationToken.None);
}
