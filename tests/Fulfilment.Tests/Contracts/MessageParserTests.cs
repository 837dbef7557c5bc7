using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;

namespace Fulfilment.Tests.Contracts;

public sealed class MessageParserTests
{
    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public void Parse_FullExample_IsValid(string name)
    {
        var contract = ContractCases.All[name];

        var outcome = contract.Parse(contract.ValidBody);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Violations));
    }

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public void Parse_MinimalExample_IsValid(string name)
    {
        var body = ContractExamples.Serialize(ContractExamples.Minimal[name]);

        var outcome = ContractCases.All[name].Parse(body);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Violations));
    }

    [Theory]
    [MemberData(nameof(ContractCases.Faults), MemberType = typeof(ContractCases))]
    public void Parse_OneFault_ReportsItAtItsPath(string name, string faultId)
    {
        var contract = ContractCases.All[name];
        var fault = ContractCases.Fault(name, faultId);

        var outcome = contract.Parse(fault.Apply(contract.ValidBody));

        var violation = Assert.Single(outcome.Violations);
        Assert.Equal(fault.Path, violation.Path);
        Assert.Contains(fault.ReasonContains, violation.Reason, StringComparison.Ordinal);
        Assert.Null(outcome.Message);
    }

    [Fact]
    public void Parse_SeveralFaults_ReportsEveryOne()
    {
        const string body = """
            {"customerId": 5, "orderId": null,
             "items": [{"productId": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "quantity": 0}, {"productId": "x", "quantity": 1.5}]}
            """;

        var result = MessageParser.Parse<ReserveInventory>(body);

        Assert.Equal(
            ["$.cartId", "$.customerId", "$.orderId", "$.items[0].quantity", "$.items[1].productId", "$.items[1].quantity"],
            result.Violations.Select(v => v.Path));
    }

    [Theory]
    [InlineData("{\"cartId\": ")]
    [InlineData("reserve please")]
    [InlineData("")]
    public void Parse_BodyNotJson_ReportsRoot(string body)
    {
        var result = MessageParser.Parse<ReserveInventory>(body);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("$", violation.Path);
        Assert.StartsWith("body is not JSON", violation.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_BodyNotAnObject_ReportsRoot(string body)
    {
        var result = MessageParser.Parse<ReserveInventory>(body);

        Assert.Equal([new Violation("$", "body is not a JSON object")], result.Violations);
    }

    [Fact]
    public void Parse_ExtraFields_AreIgnored()
    {
        var body = JsonEdit.Set(ContractExamples.FullBody(MessageNames.ShipmentDelivered), "$.proofOfDelivery", "photo.jpg");

        var result = MessageParser.Parse<ShipmentDelivered>(body);

        Assert.True(result.IsValid);
        Assert.Equal(ContractExamples.Full[MessageNames.ShipmentDelivered], result.Message);
    }

    [Fact]
    public void Parse_UnknownEnum_ListsTheAllowedValues()
    {
        var body = JsonEdit.Set(ContractExamples.FullBody(MessageNames.ShipmentFailed), "$.reason", "STOLEN");

        var result = MessageParser.Parse<ShipmentFailed>(body);

        Assert.Equal(
            "$.reason: unknown value 'STOLEN'; allowed: FAILED_DELIVERY, LOST, DAMAGED, RETURNED_TO_SENDER",
            result.Describe());
    }

    [Theory]
    [InlineData("2026-01-31T12:30:15Z")]
    [InlineData("2026-01-31T12:30:15.1234567+02:00")]
    [InlineData("2026-01-31T12:30:15-05:30")]
    public void Parse_DateTimeWithZOrOffset_IsValid(string value)
    {
        var body = JsonEdit.Set(ContractExamples.FullBody(MessageNames.OrderPacked), "$.packedAt", value);

        var result = MessageParser.Parse<OrderPacked>(body);

        Assert.Equal(DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture), result.Message!.PackedAt);
    }

    [Fact]
    public void Parse_TypeOutsideTheContracts_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => MessageParser.Parse<Address>("{}"));
    }
}
