namespace Fulfilment.Tests.Infra;

/// <summary>
/// The real Bicep compiler, from NuGet, builds and lints every file under infra/ with bicepconfig.json's rules:
/// any error, any warning (an unknown property, a wrong type) and any linter finding fails the test suite.
/// </summary>
public sealed class BicepBuildTests
{
    [Fact]
    public async Task Build_EveryBicepFile_HasNoDiagnostics()
    {
        var result = await BicepBuilds.BuildAllAsync();

        Assert.True(result.IsClean, result.Describe());
    }

    [Fact]
    public async Task BuildParams_EveryParameterFile_HasNoDiagnostics()
    {
        var result = await BicepBuilds.BuildAllParametersAsync();

        Assert.True(result.IsClean, result.Describe());
    }

    [Fact]
    public async Task Lint_EveryBicepFile_HasNoFindings()
    {
        var result = await BicepBuilds.LintAllAsync();

        Assert.True(result.IsClean, result.Describe());
    }

    [Fact]
    public void ParameterFiles_DevAndProd_AreCommitted()
    {
        var files = InfraFiles.ParameterFiles.Select(InfraFiles.Relative).ToList();

        Assert.Contains("main.dev.bicepparam", files);
        Assert.Contains("main.prod.bicepparam", files);
    }
}
