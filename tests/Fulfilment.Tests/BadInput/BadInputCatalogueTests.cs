using System.Text.RegularExpressions;
using Fulfilment.Tests.Infra;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.BadInput;

/// <summary>
/// The bad-input catalogue (docs/bad-input.md): every input gets its clear answer and changes nothing (no table row
/// written, nothing published, no workflow instance started or moved on), on real Azurite tables and the real
/// Durable engine; and the docs table is exactly the cases run here, but for the H- rows (the Function App's HTTP
/// triggers), which Fulfilment.Functions.Tests' HttpBadInputCatalogueTests runs and checks against the same table.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class BadInputCatalogueTests(AzuriteFixture azurite)
{
    public static TheoryData<string> CaseIds() => new(BadInputCatalogue.Cases.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Input_FromTheCatalogue_GetsItsClearAnswerAndChangesNothing(string id)
    {
        var @case = BadInputCatalogue.ById(id);
        await using var world = await CatalogueWorld.StartAsync(azurite);
        var send = await @case.Arrange(world);
        var rowsBefore = await world.SnapshotAsync();
        var contentBefore = await world.ContentAsync();
        var publishedBefore = world.Publisher.Messages.Count;
        var (instancesBefore, ignoredBefore) = await world.InstancesAsync();

        var answer = await send();

        Assert.Equal(@case.Response, answer.Response);
        Assert.Contains(@case.Detail, answer.Detail, StringComparison.Ordinal);
        Assert.Equal(@case.Publishes is { } name ? [name] : [], world.Publisher.Messages.Skip(publishedBefore).Select(m => m.Name));
        if (@case.State == CaseState.EventIdRecorded)
        {
            var contentAfter = await world.ContentAsync();
            Assert.Empty(contentBefore.Except(contentAfter));
            Assert.Contains("/event|", Assert.Single(contentAfter.Except(contentBefore)), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(rowsBefore, await world.SnapshotAsync());
        }

        var (instancesAfter, ignoredAfter) = await world.InstancesAsync();
        Assert.Equal(instancesBefore, instancesAfter);
        Assert.Equal(ignoredBefore + (@case.State == CaseState.EventIgnored ? 1 : 0), ignoredAfter);
    }

    [Fact]
    public void Catalogue_Cases_AreAtLeastFiftyWithUniqueIds()
    {
        var ids = BadInputCatalogue.Cases.Select(c => c.Id).ToList();

        Assert.True(ids.Count >= 50, $"{ids.Count} cases");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Docs_BadInputTable_IsExactlyTheCasesTheTestsRun()
    {
        var doc = await File.ReadAllLinesAsync(Path.Combine(InfraFiles.Root, "docs", "bad-input.md"));

        var documented = doc.Where(line => CaseRow().IsMatch(line) && !HttpRow().IsMatch(line)).ToList();

        var expected = BadInputCatalogue.Cases.Select(BadInputCatalogue.Row).ToList();
        Assert.True(
            documented.SequenceEqual(expected, StringComparer.Ordinal),
            "docs/bad-input.md must list exactly these rows, in this order:\n" + string.Join('\n', expected));
    }

    [Fact]
    public async Task Docs_BadInputIntro_CountsEveryRowOfTheTable()
    {
        var doc = await File.ReadAllTextAsync(Path.Combine(InfraFiles.Root, "docs", "bad-input.md"));

        var rows = doc.Split('\n').Count(line => CaseRow().IsMatch(line));

        Assert.Contains($"**{rows} cases**", doc, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| [A-Z]-\d+ \|")]
    private static partial Regex CaseRow();

    /// <summary>The rows of the Function App's HTTP triggers, checked by Fulfilment.Functions.Tests (HttpBadInputCatalogueTests).</summary>
    [GeneratedRegex(@"^\| H-\d+ \|")]
    private static partial Regex HttpRow();
}
