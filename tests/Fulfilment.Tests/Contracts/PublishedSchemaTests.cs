using System.Text.Json.Nodes;
using Fulfilment.Contracts;

namespace Fulfilment.Tests.Contracts;

/// <summary>What Fulfilment sends validates against the published catalogue (v1.0.0), extensions included.</summary>
public sealed class PublishedSchemaTests
{
    public static TheoryData<string> Emitted() => new(
        MessageNames.InventoryReserved,
        MessageNames.InventoryUnavailable,
        MessageNames.OrderPacked,
        MessageNames.OrderReadyForShipping,
        MessageNames.CreateShipment,
        MessageNames.ShipmentCreated,
        MessageNames.ShipmentDelivered,
        MessageNames.ShipmentFailed);

    public static TheoryData<string> Catalogue() => new(
        MessageNames.ReserveInventory,
        MessageNames.ReleaseInventory,
        MessageNames.InventoryReserved,
        MessageNames.InventoryUnavailable,
        MessageNames.OrderCompleted,
        MessageNames.OrderCancelled,
        MessageNames.OrderPacked,
        MessageNames.OrderReadyForShipping,
        MessageNames.CreateShipment,
        MessageNames.ShipmentCreated,
        MessageNames.ShipmentDelivered,
        MessageNames.ShipmentFailed);

    [Theory]
    [MemberData(nameof(Emitted))]
    public async Task Published_FullEmittedMessage_HasNoErrors(string name)
    {
        var published = await SchemaFiles.PublishedAsync(ContractExamples.Full[name].GetType().Name);

        var errors = published.Validate(ContractExamples.FullBody(name));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Emitted))]
    public async Task Published_MinimalEmittedMessage_HasNoErrors(string name)
    {
        var published = await SchemaFiles.PublishedAsync(ContractExamples.Minimal[name].GetType().Name);

        var errors = published.Validate(ContractExamples.Serialize(ContractExamples.Minimal[name]));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Published_StockLevelAsQueryResponse_HasNoErrors()
    {
        var published = await SchemaFiles.PublishedAsync("GetStockLevel");
        var query = new JsonObject
        {
            ["request"] = new JsonObject { ["productId"] = ContractExamples.ProductA.ToString() },
            ["response"] = JsonNode.Parse(ContractExamples.FullBody(MessageNames.GetStockLevel)),
        };

        var errors = published.Validate(query.ToJsonString());

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public async Task Ours_CatalogueMessage_RequiresExactlyThePublishedFields(string name)
    {
        var published = await SchemaFiles.PublishedAsync(ContractExamples.Full[name].GetType().Name);

        var ours = await SchemaFiles.OursAsync(name);

        Assert.Equal(published.RequiredProperties.Order(), ours.RequiredProperties.Order());
        Assert.Superset(published.Properties.Keys.ToHashSet(), ours.Properties.Keys.ToHashSet());
    }

    [Fact]
    public void PublishedCopy_KeepsTheMitAttribution()
    {
        var readme = File.ReadAllText(SchemaFiles.PublishedPath("README.md"));

        Assert.Contains("MIT License", readme, StringComparison.Ordinal);
    }
}
