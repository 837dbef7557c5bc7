using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulfilment.Contracts;

/// <summary>
/// The one JSON configuration for every contract: camelCase, enums as the catalogue's strings, unknown fields
/// ignored, absent optional fields left out (the published schemas do not allow null).
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The body is JSON null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
