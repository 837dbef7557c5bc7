using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// main.bicep compiled to an ARM template. main.bicep passes the topology, the tables and the app settings to its
/// modules as literals, so they appear verbatim as module deployment parameters; each module's own template is
/// nested in its deployment (<see cref="Module"/>).
/// </summary>
internal sealed class CompiledTemplate(JsonObject root)
{
    public static CompiledTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("bicep build printed no template."));

    /// <summary>The literal value main.bicep passes as <paramref name="parameter"/> to the module deployment <paramref name="module"/>.</summary>
    public JsonNode ModuleParameter(string module, string parameter) =>
        ModuleDeployment(module)["properties"]?["parameters"]?[parameter]?["value"]
        ?? throw new InvalidOperationException($"Module '{module}' gets no literal value for '{parameter}'.");

    /// <summary>
    /// What main.bicep passes as <paramref name="parameter"/> to <paramref name="module"/>: the ARM expression or the
    /// literal string, or other literals as JSON text.
    /// </summary>
    public string ModuleParameterText(string module, string parameter)
    {
        var entry = ModuleDeployment(module)["properties"]?["parameters"]?[parameter]
                    ?? throw new InvalidOperationException($"Module '{module}' gets no parameter '{parameter}'.");
        var node = entry is JsonObject { } wrapper && wrapper["value"] is { } value ? value : entry;
        return node is JsonValue text && text.TryGetValue<string>(out var expression) ? expression : node.ToJsonString();
    }

    public IReadOnlyList<string> ModuleStrings(string module, string parameter) =>
        [.. ModuleParameter(module, parameter).AsArray().Select(n => n!.GetValue<string>())];

    /// <summary>App settings as main.bicep sets them: literal values, or ARM expressions ("[...]") for computed ones.</summary>
    public IReadOnlyDictionary<string, string> AppSettings() =>
        ModuleParameter("functionapp", "appSettings").AsObject()
            .ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);

    /// <summary>The module deployment itself (its condition, parameters and nested template).</summary>
    public JsonObject ModuleDeployment(string module) =>
        Resources().SingleOrDefault(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == module)
        ?? throw new InvalidOperationException($"main.bicep has no module deployment named '{module}'.");

    /// <summary>The compiled template of a module.</summary>
    public CompiledTemplate Module(string module) =>
        new(ModuleDeployment(module)["properties"]?["template"]?.AsObject()
            ?? throw new InvalidOperationException($"Module '{module}' has no nested template."));

    /// <summary>The resources of one type declared by this template (not by its modules).</summary>
    public IReadOnlyList<JsonObject> ResourcesOfType(string type) =>
        [.. Resources().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>A parameter's declaration (type, defaultValue, allowedValues).</summary>
    public JsonObject Parameter(string name) =>
        root["parameters"]?[name]?.AsObject() ?? throw new InvalidOperationException($"The template declares no parameter '{name}'.");

    private IEnumerable<JsonObject> Resources() => root["resources"] switch
    {
        JsonArray list => list.OfType<JsonObject>(),
        JsonObject bySymbol => bySymbol.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };
}
