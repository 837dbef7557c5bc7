using Fulfilment.Sandbox.Replay;

namespace Fulfilment.Tests.Sandbox;

public sealed class ScenarioParserTests
{
    private const string Product = "7d0c3f4e-0a55-4d7e-9a63-0c7f3d1b2a11";
    private const string Order = "5b6f1c1e-2f0e-4a51-8f63-3b1d6b0c9e21";

    [Fact]
    public void Parse_PauseAndResume_ReadTheEntity()
    {
        var json = """
            { "start": "2026-03-02T09:00:00Z", "stock": [],
              "steps": [ { "pause": "order-ready-for-shipping/shipping" }, { "resume": "create-shipment" } ] }
            """;

        var scenario = ScenarioParser.Parse(json);

        Assert.Collection(
            scenario.Steps,
            s => Assert.Equal("order-ready-for-shipping/shipping", Assert.IsType<ScenarioStep.Pause>(s).Entity),
            s => Assert.Equal("create-shipment", Assert.IsType<ScenarioStep.Resume>(s).Entity));
    }

    [Fact]
    public void Parse_PauseOfAnEntityNotInTheTopology_NamesTheStepAndTheEntity()
    {
        var json = """
            { "start": "2026-03-02T09:00:00Z", "stock": [], "steps": [ { "pause": "shipping" } ] }
            """;

        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(json));

        Assert.Contains("step 0.pause: 'shipping' is not a queue or topic/subscription", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryStepKind_ReadsThemInOrder()
    {
        var json = $$"""
            { "start": "2026-03-02T09:00:00Z",
              "stock": [ { "productId": "{{Product}}", "available": 10 } ],
              "steps": [
                { "send": "order-cancelled", "body": { "orderId": "{{Order}}" } },
                { "send": "reserve-inventory", "raw": "not json" },
                { "pick": { "orderId": "{{Order}}", "parcelCount": 2 } },
                { "shortPick": { "orderId": "{{Order}}", "reason": "shelf empty" } },
                { "carrier": { "event": "shipment-failed", "orderId": "{{Order}}", "body": { "reason": "LOST" }, "signature": "stale" } },
                { "carrierRejects": "{{Order}}" },
                { "carrierOmitsTracking": "{{Order}}" },
                { "carrierUnavailable": "{{Order}}" },
                { "carrierAvailable": "{{Order}}" },
                { "carrierPicksUp": "{{Order}}" },
                { "advance": "PT45M" } ] }
            """;

        var scenario = ScenarioParser.Parse(json);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), scenario.Start);
        Assert.Equal(10, Assert.Single(scenario.Stock).Available);
        Assert.Collection(
            scenario.Steps,
            s => Assert.Equal("order-cancelled", Assert.IsType<ScenarioStep.Send>(s).Name),
            s => Assert.Equal("not json", Assert.IsType<ScenarioStep.Send>(s).Body),
            s => Assert.Equal(2, Assert.IsType<ScenarioStep.Pick>(s).ParcelCount),
            s => Assert.Equal("shelf empty", Assert.IsType<ScenarioStep.ShortPick>(s).Reason),
            s => Assert.Equal(CallbackSignature.Stale, Assert.IsType<ScenarioStep.CarrierCallback>(s).Signature),
            s => Assert.Equal(Guid.Parse(Order), Assert.IsType<ScenarioStep.CarrierRejects>(s).OrderId),
            s => Assert.Equal(Guid.Parse(Order), Assert.IsType<ScenarioStep.CarrierOmitsTracking>(s).OrderId),
            s => Assert.Equal(Guid.Parse(Order), Assert.IsType<ScenarioStep.CarrierUnavailable>(s).OrderId),
            s => Assert.Equal(Guid.Parse(Order), Assert.IsType<ScenarioStep.CarrierAvailable>(s).OrderId),
            s => Assert.Equal(Guid.Parse(Order), Assert.IsType<ScenarioStep.CarrierPicksUp>(s).OrderId),
            s => Assert.Equal(TimeSpan.FromMinutes(45), Assert.IsType<ScenarioStep.Advance>(s).By));
    }

    [Theory]
    [InlineData("""{ "send": "create-shipment", "body": {} }""", "step 0.send: 'create-shipment' is not an inbound message")]
    [InlineData("""{ "send": "order-completed" }""", "step 0: give exactly one of 'body' or 'raw'")]
    [InlineData("""{ "pick": { "orderId": "nope" } }""", "step 0.pick.orderId: must be a UUID")]
    [InlineData("""{ "advance": "45 minutes" }""", "step 0.advance: '45 minutes' is not an ISO 8601 duration")]
    [InlineData("""{ "dance": 1 }""", "step 0: unknown step 'dance'")]
    [InlineData("""{ "carrierPicksUp": "nope" }""", "step 0.carrierPicksUp: must be a UUID")]
    [InlineData("""{ "carrierOmitsTracking": 7 }""", "step 0.carrierOmitsTracking: must be a string")]
    [InlineData("""{ "carrierUnavailable": {} }""", "step 0.carrierUnavailable: must be a string")]
    [InlineData("""{ "carrierAvailable": "5b6f1c1e" }""", "step 0.carrierAvailable: must be a UUID")]
    [InlineData("""{ "carrier": { "event": "shipment-created", "orderId": "5b6f1c1e-2f0e-4a51-8f63-3b1d6b0c9e21", "signature": "forged" } }""", "step 0.carrier.signature: 'forged'")]
    public void Parse_MalformedStep_NamesTheStepAndTheProblem(string step, string expected)
    {
        var json = $$"""{ "start": "2026-03-02T09:00:00Z", "stock": [], "steps": [ {{step}} ] }""";

        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(json));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "the file must be a JSON object")]
    [InlineData("{", "the file is not JSON")]
    [InlineData("""{ "start": "yesterday", "stock": [], "steps": [] }""", "start: must be an ISO 8601 date-time")]
    [InlineData("""{ "start": "2026-03-02T09:00:00Z", "stock": [ { "productId": "7d0c3f4e-0a55-4d7e-9a63-0c7f3d1b2a11", "available": -1 } ], "steps": [] }""", "stock[0].available: must be 0 or more")]
    public void Parse_MalformedFile_SaysWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(json));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
