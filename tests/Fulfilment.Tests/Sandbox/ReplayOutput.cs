using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Sandbox;

/// <summary>The JSON lines a replay writes, read back by kind: published, dead-lettered, rejected, and the final state.</summary>
internal sealed record ReplayOutput(
    IReadOnlyList<(string Name, JsonObject Body)> Published,
    IReadOnlyList<(string Name, string Reason, string Description)> DeadLettered,
    IReadOnlyList<(int Step, int Status, string Reason)> Rejected,
    IReadOnlyDictionary<Guid, (int Available, int Reserved)> Stock,
    IReadOnlyList<(Guid OrderId, string Status, string Stage)> Fulfilments,
    IReadOnlyList<Guid> Unbalanced)
{
    public static ReplayOutput Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToArray();
        var final = lines.LastOrDefault(l => Kind(l) == "final")
            ?? throw new InvalidOperationException("the replay wrote no final line:\n" + text);
        return new ReplayOutput(
            lines.Where(l => Kind(l) == "published").Select(l => (Text(l, "name"), l["body"]!.AsObject())).ToArray(),
            lines.Where(l => Kind(l) == "deadLettered").Select(l => (Text(l, "name"), Text(l, "reason"), Text(l, "description"))).ToArray(),
            lines.Where(l => Kind(l) == "rejected").Select(l => ((int)l["step"]!, (int)l["status"]!, l["reason"]?.GetValue<string>() ?? "")).ToArray(),
            final["stock"]!.AsArray().Select(s => s!.AsObject())
                .ToDictionary(s => Guid.Parse(Text(s, "productId")), s => ((int)s["available"]!, (int)s["reserved"]!)),
            final["fulfilments"]!.AsArray().Select(f => f!.AsObject())
                .Select(f => (Guid.Parse(Text(f, "orderId")), Text(f, "status"), Text(f, "stage"))).ToArray(),
            final["stock"]!.AsArray().Select(s => s!.AsObject())
                .Where(s => !(bool)s["balanced"]!).Select(s => Guid.Parse(Text(s, "productId"))).ToArray());
    }

    private static string Kind(JsonObject line) => Text(line, "kind");

    private static string Text(JsonObject node, string name) => node[name]?.GetValue<string>() ?? "";
}
