using Azure.Core;
using Azure.Core.Pipeline;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// A pipeline policy that, once armed, holds the next entity-group transaction until released: while it is held,
/// the group commit's next group queues up behind it.
/// </summary>
internal sealed class HoldNextBatch : HttpPipelinePolicy
{
    private TaskCompletionSource? held;

    /// <summary>Completes when the held transaction has reached the policy.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Arm() => Volatile.Write(ref held, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref held)?.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && Volatile.Read(ref held) is { } gate)
        {
            Reached.TrySetResult();
            await gate.Task;
            Volatile.Write(ref held, null);
        }

        await ProcessNextAsync(message, pipeline);
    }
}
