using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Fulfilment.Contracts.Validation;

/// <summary>
/// The value checks of the contracts: JSON type first, then format or range. Each reports at most one reason per
/// value, in plain words, quoting the offending value (shortened) so a dead-letter description is self-explaining.
/// </summary>
internal static partial class ValueRules
{
    public static ValueRule Text { get; } = (value, path, into) => IsString(value, path, into);

    public static ValueRule Uuid { get; } = StringMatching(
        UuidPattern(), "must be a UUID like 3fa85f64-5717-4562-b3fc-2c963f66afa6", static _ => true);

    /// <summary>RFC 3339: date, 'T', time, optional fraction, and 'Z' or an offset; the calendar must exist.</summary>
    public static ValueRule DateTime { get; } = StringMatching(
        DateTimePattern(),
        "must be an ISO-8601 date-time with 'Z' or an offset, like 2026-01-31T12:00:00Z",
        static value => value.TryGetDateTimeOffset(out _));

    public static ValueRule Date { get; } = StringMatching(
        DatePattern(),
        "must be a date yyyy-MM-dd, like 2026-01-31",
        static value => DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    public static ValueRule Country { get; } = StringMatching(
        CountryPattern(), "must be two capital letters (ISO 3166-1 alpha-2), like GB", static _ => true);

    public static ValueRule Integer(int minimum) => (value, path, into) =>
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            into.Add(new Violation(path, $"must be a whole number, not {Describe(value)}"));
        }
        else if (number < minimum)
        {
            into.Add(new Violation(path, $"must be at least {minimum}, got {number}"));
        }
    };

    /// <summary>One of the enum's wire names (its <see cref="JsonStringEnumMemberNameAttribute"/> values).</summary>
    public static ValueRule OneOf<TEnum>()
        where TEnum : struct, Enum
    {
        var allowed = WireNames<TEnum>();
        var list = string.Join(", ", allowed);
        return (value, path, into) =>
        {
            if (IsString(value, path, into) && !allowed.Contains(value.GetString()!, StringComparer.Ordinal))
            {
                into.Add(new Violation(path, $"unknown value {Quote(value)}; allowed: {list}"));
            }
        };
    }

    /// <summary>The wire names of an enum's members, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames<TEnum>()
        where TEnum : struct, Enum =>
        typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
            .ToArray();

    /// <summary>"a string", "a number", "null"…: what the value is, for "must be X, not Y" reasons.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Quote(value)}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static ValueRule StringMatching(Regex pattern, string reason, Func<JsonElement, bool> exists) =>
        (value, path, into) =>
        {
            if (IsString(value, path, into) && !(pattern.IsMatch(value.GetString()!) && exists(value)))
            {
                into.Add(new Violation(path, $"{reason}, got {Quote(value)}"));
            }
        };

    private static bool IsString(JsonElement value, string path, List<Violation> into)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return true;
        }

        into.Add(new Violation(path, $"must be a string, not {Describe(value)}"));
        return false;
    }

    private static string Quote(JsonElement value)
    {
        var text = value.GetString() ?? string.Empty;
        return text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}…'";
    }

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
