namespace Fulfilment.Sandbox.Replay;

/// <summary>A malformed scenario file; the message names the step and the problem (exit code 2).</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
