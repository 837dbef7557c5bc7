using Azure.Core;
using Azure.Core.Pipeline;

namespace Fulfilment.Tests.Support;

/// <summary>
/// A storage pipeline policy that makes one table unavailable on demand (503 before the request is sent): for good
/// (<see cref="Begin"/> … <see cref="End"/>) or for the next few requests (<see cref="FailNext"/>). Lets a test drive
/// a real step into failure while its orchestration is parked in a wait.
/// </summary>
public sealed class TableOutage : HttpPipelinePolicy
{
    private string? table;
    private int remaining;

    public void Begin(string tableBaseName) => Set(tableBaseName, int.MaxValue);

    public void FailNext(string tableBaseName, int requests) => Set(tableBaseName, requests);

    public void End() => Set(null, 0);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var down = Volatile.Read(ref table);
        if (down is not null && Targets(message, down) && Interlocked.Decrement(ref remaining) >= 0)
        {
            throw new Azure.RequestFailedException(503, $"Injected outage of table {down}.");
        }

        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>A request to the table, or an entity-group transaction ($batch) whose operations name it.</summary>
    private static bool Targets(HttpMessage message, string tableBaseName)
    {
        var path = message.Request.Uri.Path;
        if (path.Contains(tableBaseName, StringComparison.Ordinal))
        {
            return true;
        }

        if (!path.EndsWith("$batch", StringComparison.Ordinal) || message.Request.Content is null)
        {
            return false;
        }

        using var body = new MemoryStream();
        message.Request.Content.WriteTo(body, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains(tableBaseName, StringComparison.Ordinal);
    }

    private void Set(string? tableBaseName, int requests)
    {
        Volatile.Write(ref remaining, requests);
        Volatile.Write(ref table, tableBaseName);
    }
}
