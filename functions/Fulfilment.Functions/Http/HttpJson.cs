using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulfilment.Functions.Http;

/// <summary>
/// JSON of the HTTP adapters' own bodies (requests of the picking floor and stock administration, views of jobs and
/// stock): camelCase, enums as upper-case words (<c>CREATED</c>, <c>ALREADY_APPLIED</c>), no nulls written, and on
/// reading every constructor parameter required and non-nullable ones never null. Contract bodies use
/// <c>ContractJson</c> instead.
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
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
