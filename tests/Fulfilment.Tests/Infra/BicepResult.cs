namespace Fulfilment.Tests.Infra;

/// <summary>The outcome of one bicep CLI run: diagnostics go to standard error, compiled output to standard out.</summary>
internal sealed record BicepResult(string Command, int ExitCode, string Output, string Diagnostics)
{
    /// <summary>Built with no error, no warning and no linter finding.</summary>
    public bool IsClean => ExitCode == 0 && string.IsNullOrWhiteSpace(Diagnostics);

    public string Describe() => $"`bicep {Command}` exited {ExitCode}:\n{Diagnostics}";
}
