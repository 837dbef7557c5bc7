using System.Collections.Concurrent;
using Fulfilment.Contracts;
using Fulfilment.Sandbox.Storage;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Fulfilment.Tests.Contracts;

/// <summary>
/// Loads JSON Schemas for NJsonSchema: Fulfilment's (embedded in the contracts assembly) and the published ones
/// (the copy in <c>Contracts/Published</c> of this test project, never ../shared).
/// </summary>
public static class SchemaFiles
{
    private const string PublishedFolder = "tests/Fulfilment.Tests/Contracts/Published";
    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Cache = new();

    /// <summary>Fulfilment's own schema of a message, by wire name.</summary>
    public static Task<JsonSchema> OursAsync(string messageName) =>
        Cache.GetOrAdd("ours:" + messageName, _ => JsonSchema.FromJsonAsync(ContractSchemas.Read(messageName)));

    /// <summary>The published schema file <c>&lt;Title&gt;.schema.json</c>.</summary>
    public static Task<JsonSchema> PublishedAsync(string title) =>
        Cache.GetOrAdd("published:" + title, _ => JsonSchema.FromJsonAsync(File.ReadAllText(PublishedPath(title + ".schema.json"))));

    /// <summary>A file of the published copy: beside the test binaries when copied there, else in the checkout.</summary>
    public static string PublishedPath(string fileName)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Contracts", "Published", fileName);
        return File.Exists(copied)
            ? copied
            : Path.Combine(AzuriteProcess.FindRepositoryRoot(), PublishedFolder, fileName);
    }

    /// <summary>
    /// The paths of NJsonSchema's errors in violation style (<c>$.items[0].quantity</c>): leaf errors only, and
    /// only the outermost (NJsonSchema also checks the properties of a value that is not even an object).
    /// </summary>
    public static IReadOnlyList<string> ErrorPaths(JsonSchema schema, string body)
    {
        var paths = Leaves(schema.Validate(body)).Select(e => "$" + e.Path?.TrimStart('#').Replace('/', '.')).Distinct().ToList();
        return paths.Where(p => !paths.Any(outer => IsInside(p, outer))).ToList();
    }

    private static bool IsInside(string path, string outer) =>
        path.Length > outer.Length && path.StartsWith(outer, StringComparison.Ordinal) && path[outer.Length] is '.' or '[';

    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child ? Leaves(child.Errors.SelectMany(pair => pair.Value)) : [e]);
}
