using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Contracts;

/// <summary>Edits a JSON body at a violation-style path (<c>$.items[0].quantity</c>): remove or replace one property.</summary>
public static class JsonEdit
{
    public static string Remove(string body, string path) => Edit(body, path, (parent, name) => parent.Remove(name));

    public static string Set(string body, string path, JsonNode? value) =>
        Edit(body, path, (parent, name) => parent[name] = value);

    private static string Edit(string body, string path, Action<JsonObject, string> edit)
    {
        var root = JsonNode.Parse(body)!;
        var segments = path.Split('.');
        JsonNode node = root;
        foreach (var segment in segments[1..^1])
        {
            node = Step(node, segment);
        }

        edit(node.AsObject(), segments[^1]);
        return root.ToJsonString();
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[segment] ?? throw new InvalidOperationException($"No property '{segment}'.");
        }

        var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[segment[..bracket]]![index]!;
    }
}
