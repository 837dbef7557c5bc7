using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fulfilment.Contracts;

namespace Fulfilment.Tests.Contracts;

public sealed partial class ContractJsonTests
{
    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public void Serialize_ThenParse_GivesEqualRecord(string name)
    {
        var original = ContractExamples.Full[name];

        var parsed = ContractCases.All[name].Parse(ContractExamples.Serialize(original)).Message;

        Assert.Equivalent(original, parsed, strict: true);
    }

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public void Serialize_FullExample_UsesCamelCaseNames(string name)
    {
        var json = JsonNode.Parse(ContractExamples.FullBody(name))!;

        var names = PropertyNames(json).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(CamelCase(), n));
    }

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public void Serialize_MinimalExample_OmitsAbsentFields(string name)
    {
        var json = ContractExamples.Serialize(ContractExamples.Minimal[name]);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_OrderCompletedWithoutExtensions_WritesOnlyThePublishedFields()
    {
        var json = JsonNode.Parse(ContractExamples.Serialize(ContractExamples.Minimal[MessageNames.OrderCompleted]))!;

        Assert.Equal(["orderId", "customerId", "completedAt"], json.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData(ShipmentFailureReason.FailedDelivery, "FAILED_DELIVERY")]
    [InlineData(ShipmentFailureReason.ReturnedToSender, "RETURNED_TO_SENDER")]
    [InlineData(ShippingService.NextDay, "NEXT_DAY")]
    [InlineData(ReleaseReason.CheckoutFailed, "CHECKOUT_FAILED")]
    [InlineData(CancellationReason.CustomerRequested, "CUSTOMER_REQUESTED")]
    [InlineData(FulfilmentFailureReason.ShipmentCreationTimeout, "SHIPMENT_CREATION_TIMEOUT")]
    public void Serialize_Enum_WritesTheCatalogueString(object value, string expected)
    {
        var json = ContractJson.Serialize(value);

        Assert.Equal($"\"{expected}\"", json);
    }

    [Fact]
    public void Deserialize_EnumAsNumber_IsRefused()
    {
        Assert.Throws<JsonException>(() => ContractJson.Deserialize<ReleaseInventory>(
            $$"""{"reservationId":"{{ContractExamples.ReservationId}}","reason":1}"""));
    }

    [Fact]
    public void Serialize_Dates_WritesIsoDateTimeAndPlainDate()
    {
        var json = JsonNode.Parse(ContractExamples.FullBody(MessageNames.ShipmentCreated))!;

        Assert.Equal("2026-01-31T12:30:15Z", json["createdAt"]!.GetValue<string>());
        Assert.Equal("2026-02-03", json["estimatedDelivery"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_TimeWithOffset_WritesTheSameInstantInUtcWithZ()
    {
        var packed = new OrderPacked(ContractExamples.OrderId, new DateTimeOffset(2026, 1, 31, 14, 30, 15, 250, TimeSpan.FromHours(2)));

        var json = JsonNode.Parse(ContractJson.Serialize(packed))!;

        Assert.Equal("2026-01-31T12:30:15.25Z", json["packedAt"]!.GetValue<string>());
    }

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray array => array.SelectMany(PropertyNames),
        _ => [],
    };

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
