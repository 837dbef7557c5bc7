using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// main.bicep compiled to an ARM template. main.bicep passes the topology, the tables and the app settings to its
/// modules as literals, so they appear verbatim as module deployment parameters.
/// </summary>
internal sealed class CompiledTemplate(JsonObject root)
{
    public static CompiledTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("bicep build printed no template."));

    /// <summary>The literal value main.bicep passes as <paramref name="parameter"/> to the module deployment <paramref name="module"/>.</summary>
    public JsonNode ModuleParameter(string module, string parameter)
    {
        var deployment = Resources().SingleOrDefault(r =>
                (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == module)
            ?? throw new InvalidOperationException($"main.bicep has no module deployment named '{module}'.");
        return deployment["properties"]?["parameters"]?[parameter]?["value"]
            ?? throw new InvalidOperationException($"Module '{module}' gets no literal value for '{parameter}'.");
    }

    public IReadOnlyList<string> ModuleStrings(string module, string parameter) =>
        [.. ModuleParameter(module, parameter).AsArray().Select(n => n!.GetValue<string>())];

    /// <summary>App settings as main.bicep sets them: literal values, or ARM expressions ("[...]") for computed ones.</summary>
    public IReadOnlyDictionary<string, string> AppSettings() =>
        ModuleParameter("functionapp", "appSettings").AsObject()
            .ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);

    private IEnumerable<JsonObject> Resources() => root["resources"] switch
    {
        JsonArray list => list.OfType<JsonObject>(),
        JsonObject bySymbol => bySymbol.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };
}
