using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// A scenario's <c>NAME.expected.json</c>, written from the design (docs/workflow.md, the issues), not from a run:
/// the published message names in order (an entry may be <c>{ "name", "with": { fields the body must carry } }</c>),
/// the dead-letters (name, reason, optional <c>descriptionContains</c>), the rejected steps (step index, HTTP
/// status), each order's final status and stage, and each product's final available and reserved.
/// </summary>
internal sealed record ScenarioExpectation(
    string Path,
    IReadOnlyList<(string Name, JsonObject? With)> Published,
    IReadOnlyList<(string Name, string Reason, string? DescriptionContains)> DeadLettered,
    IReadOnlyList<(int Step, int Status)> Rejected,
    IReadOnlyList<(Guid OrderId, string Status, string Stage)> Fulfilments,
    IReadOnlyDictionary<Guid, (int Available, int Reserved)> Stock)
{
    public static ScenarioExpectation Load(string name)
    {
        var root = JsonNode.Parse(File.ReadAllText(ScenarioFiles.ExpectedPath(name)))!.AsObject();
        return new ScenarioExpectation(
            Text(root, "path"),
            Items(root, "published").Select(p => p is JsonObject o ? (Text(o, "name"), o["with"]?.AsObject()) : (p!.GetValue<string>(), null)).ToArray(),
            Items(root, "deadLettered").Select(d => d!.AsObject())
                .Select(d => (Text(d, "name"), Text(d, "reason"), d["descriptionContains"]?.GetValue<string>())).ToArray(),
            Items(root, "rejected").Select(r => ((int)r!["step"]!, (int)r["status"]!)).ToArray(),
            Items(root, "fulfilments").Select(f => f!.AsObject())
                .Select(f => (Guid.Parse(Text(f, "orderId")), Text(f, "status"), Text(f, "stage"))).ToArray(),
            Items(root, "stock").Select(s => s!.AsObject())
                .ToDictionary(s => Guid.Parse(Text(s, "productId")), s => ((int)s["available"]!, (int)s["reserved"]!)));
    }

    private static JsonArray Items(JsonObject root, string name) => root[name]?.AsArray() ?? [];

    private static string Text(JsonObject node, string name) => node[name]?.GetValue<string>() ?? "";
}
