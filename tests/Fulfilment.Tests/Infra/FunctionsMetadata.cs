using System.Reflection;
using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// The functions.metadata the Functions worker SDK generated from the app's <c>[Function]</c> attributes when the app was
/// built (this project builds it first): in the app's output folder, or in obj/ for a compile-only build.
/// </summary>
internal static class FunctionsMetadata
{
    private static readonly Lazy<IReadOnlyList<GeneratedFunction>> Functions = new(Load);

    public static IReadOnlyList<GeneratedFunction> All => Functions.Value;

    private static IReadOnlyList<GeneratedFunction> Load()
    {
        var output = typeof(FunctionsMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionAppOutput").Value!;
        var binPath = Path.Combine(output, "functions.metadata");
        var objPath = binPath.Replace($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        var path = File.Exists(binPath) ? binPath : File.Exists(objPath) ? objPath
            : throw new InvalidOperationException($"No functions.metadata at {binPath} or {objPath}: build functions/Fulfilment.Functions first.");
        return [.. JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(f => new GeneratedFunction(
            (string)f!["name"]!, [.. f["bindings"]!.AsArray().Select(b => b!.AsObject())]))];
    }
}
