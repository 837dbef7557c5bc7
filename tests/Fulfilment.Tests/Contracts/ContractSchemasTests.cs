using System.Text.Json.Nodes;
using Fulfilment.Contracts;

namespace Fulfilment.Tests.Contracts;

public sealed class ContractSchemasTests
{
    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public void Read_MessageName_GivesDraft07SchemaTitledAfterTheRecord(string name)
    {
        var schema = JsonNode.Parse(ContractSchemas.Read(name))!;

        Assert.Equal("http://json-schema.org/draft-07/schema#", schema["$schema"]!.GetValue<string>());
        Assert.Equal(ContractExamples.Full[name].GetType().Name, schema["title"]!.GetValue<string>());
    }

    [Fact]
    public void Read_GetStockLevel_GivesTheResponseBodySchema()
    {
        var schema = JsonNode.Parse(ContractSchemas.Read(MessageNames.GetStockLevel))!;

        Assert.Equal("StockLevel", schema["title"]!.GetValue<string>());
    }

    [Fact]
    public void FileName_WireName_IsRecordName()
    {
        var file = ContractSchemas.FileName(MessageNames.OrderReadyForShipping);

        Assert.Equal("OrderReadyForShipping.schema.json", file);
    }

    [Fact]
    public void Read_UnknownName_Throws()
    {
        Assert.Throws<ArgumentException>(() => ContractSchemas.Read("order-teleported"));
    }
}
