namespace Fulfilment.Workflow;

/// <summary>
/// How a step is retried before it counts as failed; maps one-to-one onto Durable's
/// <c>RetryPolicy(maxNumberOfAttempts, firstRetryInterval, backoffCoefficient)</c>.
/// </summary>
public sealed record StepRetryPolicy(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient)
{
    /// <summary>The wait before attempt <paramref name="attempt"/> (2, 3, …).</summary>
    public TimeSpan DelayBefore(int attempt) =>
        attempt <= 1 ? TimeSpan.Zero : FirstRetryInterval * Math.Pow(BackoffCoefficient, attempt - 2);
}
