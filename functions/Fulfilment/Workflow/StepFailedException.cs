namespace Fulfilment.Workflow;

/// <summary>
/// A step failed on every attempt its retry policy allowed (the Durable adapter translates
/// <c>TaskFailedException</c> into this). The workflow turns it into compensation, or into CompensationFailed
/// when the failing step is itself a compensation.
/// </summary>
public sealed class StepFailedException : Exception
{
    public StepFailedException()
        : this("unknown", "a step failed")
    {
    }

    public StepFailedException(string message)
        : this("unknown", message)
    {
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        StepName = "unknown";
        ErrorMessage = innerException.Message;
    }

    public StepFailedException(string stepName, string errorMessage, Exception? innerException = null)
        : base($"Step {stepName} failed: {errorMessage}", innerException)
    {
        StepName = stepName;
        ErrorMessage = errorMessage;
    }

    public string StepName { get; }

    /// <summary>The last attempt's error, as the host reported it.</summary>
    public string ErrorMessage { get; }
}
