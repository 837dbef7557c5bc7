using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Contracts;

/// <summary>
/// One way to break a valid body, and what the validator must say about it: exactly one violation at
/// <see cref="Path"/> whose reason contains <see cref="ReasonContains"/>. <see cref="Value"/> null with
/// <see cref="Removes"/> means the property is deleted. <see cref="SchemaCanTell"/> is false for the one fault a
/// draft-07 schema checked by NJsonSchema cannot see: a date-time on a day that does not exist (its
/// <c>date-time</c> format check is lenient, and a regex cannot know the calendar).
/// </summary>
public sealed record Fault(string Kind, string Path, bool Removes, JsonNode? Value, string ReasonContains, bool SchemaCanTell = true)
{
    /// <summary>The key used in theory data, e.g. <c>missing $.cartId</c>.</summary>
    public string Id => $"{Kind} {Path}";

    public string Apply(string validBody) =>
        Removes ? JsonEdit.Remove(validBody, Path) : JsonEdit.Set(validBody, Path, Value?.DeepClone());

    public static Fault Missing(string path) => new("missing", path, true, null, "is required");

    public static Fault WrongType(string path) => new("wrong-type", path, false, JsonValue.Create(true), "not a boolean");

    public static Fault Null(string path) => new("null", path, false, null, "not null");

    public static Fault Invalid(string kind, string path, JsonNode value, string reasonContains) =>
        new(kind, path, false, value, reasonContains);
}
