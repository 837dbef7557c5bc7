using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Fulfilment.Sandbox.Storage;

/// <summary>
/// An Azure SDK pipeline policy that counts Table Storage operations by kind (query, point read, insert, update,
/// merge, delete, batch, create table). One count per request that reaches the wire, retries included.
/// </summary>
public sealed class TableOperationCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(counts, StringComparer.Ordinal);

    public long Total => counts.Values.Sum();

    public void Reset() => counts.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>The kind of a Table Storage REST request.</summary>
    public static string Classify(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Uri.Path;
        var method = request.Method.Method;
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            return "batch";
        }

        if (path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal))
        {
            return method == "POST" ? "createTable" : method == "DELETE" ? "deleteTable" : "listTables";
        }

        var isEntity = path.Contains("(PartitionKey=", StringComparison.Ordinal);
        return method switch
        {
            "GET" => isEntity ? "pointRead" : "query",
            "POST" => "insert",
            "PUT" => "update",
            "MERGE" or "PATCH" => "merge",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
    }

    private void Count(HttpMessage message) => counts.AddOrUpdate(Classify(message.Request), 1, (_, n) => n + 1);
}
