using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// Three compiler runs, each once per test run and shared by every test that needs it: build every .bicep file,
/// build every .bicepparam file, lint every .bicep file (bicepconfig.json promotes the rules that matter to
/// errors). main.bicep's compiled template is kept for the name tests.
/// </summary>
internal static class BicepBuilds
{
    private const string BicepFiles = "**/*.bicep";
    private const string ParameterFiles = "**/*.bicepparam";

    /// <summary>
    /// What a deployment pipeline exports before compiling the parameter files (no secrets: secret parameters
    /// default to "keep what Key Vault holds").
    /// </summary>
    public static IReadOnlyDictionary<string, string> PipelineEnvironment { get; } = new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "fulfilment-ci",
        ["CARRIER_BASE_URL"] = "https://carrier.example.com/api",
    };

    private static readonly Lazy<Task<(BicepResult Result, string? MainTemplate)>> Build = new(() => BuildAsync(BicepFiles, "build", "main.json"));

    private static readonly Lazy<Task<(BicepResult Result, string? MainTemplate)>> BuildParameters = new(() => BuildAsync(ParameterFiles, "build-params", null));

    private static readonly Lazy<Task<(BicepResult Result, string? Parameters)>> BuildAzdParameters =
        new(() => BuildAsync("main.bicepparam", "build-params", "main.json"));

    private static readonly Lazy<Task<BicepResult>> Lint = new(() => BicepCli.RunAsync(PipelineEnvironment, "lint", "--pattern", BicepFiles));

    public static async Task<BicepResult> BuildAllAsync() => (await Build.Value).Result;

    public static async Task<BicepResult> BuildAllParametersAsync() => (await BuildParameters.Value).Result;

    public static Task<BicepResult> LintAllAsync() => Lint.Value;

    public static async Task<CompiledTemplate> MainTemplateAsync()
    {
        var (result, main) = await Build.Value;
        return main is not null ? CompiledTemplate.Parse(main) : throw new InvalidOperationException(result.Describe());
    }

    /// <summary>
    /// The azd parameter file (main.bicepparam) compiled with only <see cref="PipelineEnvironment"/> set: the values a
    /// deployment gets when it sets nothing optional.
    /// </summary>
    public static async Task<JsonObject> AzdParameterDefaultsAsync()
    {
        var (result, parameters) = await BuildAzdParameters.Value;
        var file = parameters is not null ? JsonNode.Parse(parameters)?.AsObject() : null;
        return file?["parameters"]?.AsObject() ?? throw new InvalidOperationException(result.Describe());
    }

    /// <summary>Compiles into a scratch folder (never beside the sources), keeps one output, deletes the rest.</summary>
    private static async Task<(BicepResult, string?)> BuildAsync(string pattern, string command, string? keep)
    {
        var outputs = Directory.CreateTempSubdirectory("fulfilment-bicep-").FullName;
        try
        {
            var result = await BicepCli.RunAsync(PipelineEnvironment, command, "--pattern", pattern, "--outdir", outputs);
            var kept = keep is not null && File.Exists(Path.Combine(outputs, keep)) ? await File.ReadAllTextAsync(Path.Combine(outputs, keep)) : null;
            return (result, kept);
        }
        finally
        {
            Directory.Delete(outputs, recursive: true);
        }
    }
}
