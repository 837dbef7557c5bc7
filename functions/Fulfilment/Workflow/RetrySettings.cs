using Microsoft.DurableTask;

namespace Fulfilment.Workflow;

/// <summary>How an activity is retried before the workflow counts it as failed: Durable's retry policy with backoff.</summary>
public sealed record RetrySettings(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient)
{
    public TaskOptions ToTaskOptions() =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(MaxAttempts, FirstRetryInterval, BackoffCoefficient));
}
