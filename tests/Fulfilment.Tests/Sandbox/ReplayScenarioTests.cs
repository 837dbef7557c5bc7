using System.Text.Json.Nodes;
using Fulfilment.Inventory;
using Fulfilment.Sandbox;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// Every workflow path, replayed end to end through the sandbox (real handlers, workflow and Table Storage on
/// Azurite): each scenario's output is held against its <c>NAME.expected.json</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplayScenarioTests(AzuriteFixture azurite)
{
    /// <summary>The reservation id the scenarios name for cart 11111111-…: Inventory derives it from the cartId.</summary>
    private const string ScenarioReservationId = "2c646bbb-6331-8ad6-8e4b-a7e0e56c49f8";

    public static TheoryData<string> Scenarios => ScenarioFiles.PassingData();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_PublishesTheDesignedMessagesInOrder(string scenario)
    {
        var expected = ScenarioExpectation.Load(scenario);

        var output = await ReplayRuns.OutputOfAsync(azurite, scenario);

        Assert.Equal(expected.Published.Select(p => p.Name), output.Published.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_PublishedMessagesCarryTheDesignedFields(string scenario)
    {
        var expected = ScenarioExpectation.Load(scenario);

        var output = await ReplayRuns.OutputOfAsync(azurite, scenario);

        Assert.Equal(FieldsExpected(expected), FieldsPublished(expected, output));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_DeadLettersExactlyTheBadInputWithItsReason(string scenario)
    {
        var expected = ScenarioExpectation.Load(scenario);

        var output = await ReplayRuns.OutputOfAsync(azurite, scenario);

        Assert.Equal(expected.DeadLettered.Select(d => $"{d.Name}: {d.Reason}"), output.DeadLettered.Select(d => $"{d.Name}: {d.Reason}"));
        Assert.All(
            expected.DeadLettered.Zip(output.DeadLettered).Where(pair => pair.First.DescriptionContains is not null),
            pair => Assert.Contains(pair.First.DescriptionContains!, pair.Second.Description, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_RejectsExactlyTheRefusedStepsWithTheirStatus(string scenario)
    {
        var expected = ScenarioExpectation.Load(scenario);

        var output = await ReplayRuns.OutputOfAsync(azurite, scenario);

        Assert.Equal(expected.Rejected.Select(r => $"step {r.Step}: {r.Status}"), output.Rejected.Select(r => $"step {r.Step}: {r.Status}"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_EndsEachOrderInItsDesignedStatus(string scenario)
    {
        var expected = ScenarioExpectation.Load(scenario);

        var output = await ReplayRuns.OutputOfAsync(azurite, scenario);

        Assert.Equal(expected.Fulfilments, output.Fulfilments);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_LeavesTheDesignedStockOnSaleReservedOrWrittenOff(string scenario)
    {
        var expected = ScenarioExpectation.Load(scenario);

        var output = await ReplayRuns.OutputOfAsync(azurite, scenario);

        Assert.Equal(expected.Stock.OrderBy(s => s.Key), output.Stock.OrderBy(s => s.Key));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_Scenario_KeepsEveryProductsBooksBalanced(string scenario)
    {
        var output = await ReplayRuns.OutputOfAsync(azurite, scenario);

        Assert.Empty(output.Unbalanced);
    }

    [Fact]
    public async Task Replay_SameFileTwice_WritesByteIdenticalOutput()
    {
        string[] args = ["replay", ScenarioFiles.ScenarioPath("duplicate-events"), "--storage", azurite.ConnectionString];
        using var first = new StringWriter();
        using var second = new StringWriter();

        await SandboxCommand.RunAsync(args, first, TextWriter.Null, CancellationToken.None);
        await SandboxCommand.RunAsync(args, second, TextWriter.Null, CancellationToken.None);

        Assert.Contains("\"kind\":\"final\"", first.ToString(), StringComparison.Ordinal);
        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public void Scenarios_Folder_HoldsEveryListedScenarioWithItsExpectationsAndNothingElse()
    {
        var listed = ScenarioFiles.Passing
            .SelectMany(name => new[] { name + ".json", name + ".expected.json" })
            .Append("README.md")
            .Order(StringComparer.Ordinal);

        var present = Directory.GetFiles(ScenarioFiles.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(listed, present);
    }

    [Fact]
    public void Scenarios_ReservationIdTheyName_IsTheOneInventoryDerivesFromTheCart()
    {
        var cartId = Guid.Parse("11111111-1111-4111-8111-111111111111");

        var reservationId = Reservation.IdFor(cartId);

        Assert.Equal(Guid.Parse(ScenarioReservationId), reservationId);
    }

    private static IEnumerable<string> FieldsExpected(ScenarioExpectation expected) =>
        expected.Published.Where(p => p.With is not null)
            .SelectMany(p => p.With!.Select(field => $"{p.Name}.{field.Key} = {field.Value?.ToJsonString()}"));

    /// <summary>The same fields read from the published bodies: the n-th expectation of a name against the n-th message of that name.</summary>
    private static IEnumerable<string> FieldsPublished(ScenarioExpectation expected, ReplayOutput output) =>
        expected.Published
            .Select((p, i) => (p.Name, p.With, Nth: expected.Published.Take(i).Count(q => q.Name == p.Name)))
            .Where(p => p.With is not null)
            .SelectMany(p =>
            {
                var body = output.Published.Where(m => m.Name == p.Name).Select(m => m.Body).ElementAtOrDefault(p.Nth) ?? new JsonObject();
                return p.With!.Select(field => $"{p.Name}.{field.Key} = {body[field.Key]?.ToJsonString() ?? "(absent)"}");
            });
}
