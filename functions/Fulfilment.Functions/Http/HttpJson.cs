using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulfilment.Functions.Http;

/// <summary>
/// JSON of the HTTP adapters' own bodies (requests of the picking floor and stock administration, views of jobs and
/// stock): camelCase, enums as upper-case words (<c>CREATED</c>, <c>ALREADY_APPLIED</c>), no nulls written, and on
/// reading every constructor parameter required, non-nullable ones never null, and numbers only as JSON numbers (a
/// quoted <c>"7"</c> is a wrong type, as in the contracts). Contract bodies use <c>ContractJson</c> instead.
/// </summary>
internal static class HttpJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
