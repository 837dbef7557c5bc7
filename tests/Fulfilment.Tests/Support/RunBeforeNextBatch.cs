using Azure.Core;
using Azure.Core.Pipeline;

namespace Fulfilment.Tests.Support;

/// <summary>
/// A pipeline policy that, once given an action, runs it just before the next entity-group transaction is sent:
/// a competing writer (another instance) that slips in between an operation's decision and its commit.
/// </summary>
internal sealed class RunBeforeNextBatch : HttpPipelinePolicy
{
    private Func<Task>? next;

    /// <summary>Runs once, before the next $batch request; the action's own requests pass through untouched.</summary>
    public void Arm(Func<Task> action) => Volatile.Write(ref next, action);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref next, null) is { } action)
        {
            await action();
        }

        await ProcessNextAsync(message, pipeline);
    }
}
