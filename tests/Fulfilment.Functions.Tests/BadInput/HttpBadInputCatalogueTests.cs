using System.Text.RegularExpressions;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Tests.Support;

namespace Fulfilment.Functions.Tests.BadInput;

/// <summary>
/// The H- rows of the bad-input catalogue (docs/bad-input.md), run through the Function App's real HTTP functions on
/// Azurite: each request gets its status and an RFC 7807 problem naming what is wrong, no table row is written (every
/// row and ETag compared) and nothing is published; and the doc's H- rows are exactly these cases. The other rows
/// are Fulfilment.Tests' BadInputCatalogueTests, which checks every row that is not an H- row: together, every row of
/// the one table is a case that runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class HttpBadInputCatalogueTests(AzuriteFixture azurite)
{
    public static TheoryData<string> CaseIds() => new(HttpBadInputCases.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Request_FromTheCatalogue_GetsItsProblemAndChangesNothing(string id)
    {
        var @case = HttpBadInputCases.All.Single(c => c.Id == id);
        await using var world = await HttpWorld.StartAsync(azurite, @case.Settings);
        var send = await @case.Arrange(world);
        var rowsBefore = await world.App.SnapshotAsync();
        var publishedBefore = world.App.Publisher.Messages.Count;

        var answer = await send();

        Assert.Equal(@case.Status, answer.Status);
        var problem = answer.Problem();
        Assert.Equal(@case.Status, problem.Status);
        var named = string.Join("; ", new[] { problem.Detail }.Concat(answer.Json.GetProperty("errors").EnumerateArray().Select(e => e.ToString())));
        Assert.Contains(@case.Detail, named, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await world.App.SnapshotAsync());
        Assert.Equal(publishedBefore, world.App.Publisher.Messages.Count);
    }

    [Fact]
    public void Catalogue_HttpCases_CoverEveryHttpTriggerWithUniqueIds()
    {
        var ids = HttpBadInputCases.All.Select(c => c.Id).ToList();
        var triggers = Http.HttpTriggersTests.HttpTriggers()
            .Select(t => $"{string.Join(",", t.Trigger.Methods!).ToUpperInvariant()} /api/{t.Trigger.Route}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(ids.Count >= 30, $"{ids.Count} cases");
        Assert.Equal(triggers, HttpBadInputCases.All.Select(c => c.Endpoint).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Docs_BadInputTable_HoldsExactlyTheHttpCasesTheTestsRun()
    {
        var doc = await File.ReadAllLinesAsync(Path.Combine(AzuriteProcess.FindRepositoryRoot(), "docs", "bad-input.md"));

        var documented = doc.Where(line => HttpRow().IsMatch(line)).ToList();

        var expected = HttpBadInputCases.All.Select(c => c.Row).ToList();
        Assert.True(
            documented.SequenceEqual(expected, StringComparer.Ordinal),
            "docs/bad-input.md must list exactly these H- rows, in this order:\n" + string.Join('\n', expected));
    }

    [GeneratedRegex(@"^\| H-\d+ \|")]
    private static partial Regex HttpRow();
}
