using Azure.Core;
using Azure.Core.Pipeline;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// A pipeline policy that, once armed, lets the next entity-group transaction reach storage and then loses its
/// response — the commit happened, the caller sees a timeout.
/// </summary>
internal sealed class LoseBatchResponse : HttpPipelinePolicy
{
    public bool Armed { get; set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (Armed && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            Armed = false;
            throw new TimeoutException("response lost after the transaction was committed");
        }
    }
}
