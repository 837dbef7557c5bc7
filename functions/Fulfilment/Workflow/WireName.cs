using System.Reflection;
using System.Text.Json.Serialization;

namespace Fulfilment.Workflow;

/// <summary>The catalogue's wire spelling of a contract enum value (e.g. RETURNED_TO_SENDER).</summary>
internal static class WireName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
    }
}
