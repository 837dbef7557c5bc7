using System.Text.Json.Nodes;
using Fulfilment.Contracts;

namespace Fulfilment.Tests.Contracts;

/// <summary>The shipped JSON Schemas and the validators say the same thing about every example.</summary>
public sealed class SchemaAgreementTests
{
    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public async Task Schema_FullExample_HasNoErrors(string name)
    {
        var schema = await SchemaFiles.OursAsync(name);

        var errors = SchemaFiles.ErrorPaths(schema, ContractExamples.FullBody(name));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public async Task Schema_MinimalExample_HasNoErrors(string name)
    {
        var schema = await SchemaFiles.OursAsync(name);

        var errors = SchemaFiles.ErrorPaths(schema, ContractExamples.Serialize(ContractExamples.Minimal[name]));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(ContractCases.SchemaFaults), MemberType = typeof(ContractCases))]
    public async Task Schema_OneFault_ReportsTheValidatorsPath(string name, string faultId)
    {
        var contract = ContractCases.All[name];
        var body = ContractCases.Fault(name, faultId).Apply(contract.ValidBody);
        var schema = await SchemaFiles.OursAsync(name);

        var schemaPaths = SchemaFiles.ErrorPaths(schema, body);

        Assert.Equal(contract.Parse(body).Violations.Select(v => v.Path), schemaPaths);
    }

    public static TheoryData<string, string, Type> EnumFields() => new()
    {
        { MessageNames.ReleaseInventory, "$.reason", typeof(ReleaseReason) },
        { MessageNames.InventoryUnavailable, "$.reason", typeof(UnavailableReason) },
        { MessageNames.OrderCompleted, "$.service", typeof(ShippingService) },
        { MessageNames.OrderCancelled, "$.reason", typeof(CancellationReason) },
        { MessageNames.OrderReadyForShipping, "$.service", typeof(ShippingService) },
        { MessageNames.CreateShipment, "$.service", typeof(ShippingService) },
        { MessageNames.ShipmentFailed, "$.reason", typeof(ShipmentFailureReason) },
        { MessageNames.FulfilmentFailed, "$.reason", typeof(FulfilmentFailureReason) },
        { MessageNames.FulfilmentCancelled, "$.reason", typeof(CancellationReason) },
        { MessageNames.FulfilmentReconciled, "$.event", typeof(CarrierEventName) },
        { MessageNames.FulfilmentReconciled, "$.previousOutcome", typeof(PreviousOutcome) },
        { MessageNames.FulfilmentReconciled, "$.action", typeof(ReconciliationAction) },
    };

    /// <summary>A member added to a record's enum must be added to the schema too (and is accepted by both).</summary>
    [Theory]
    [MemberData(nameof(EnumFields))]
    public async Task Schema_EveryEnumValueOfTheRecord_IsAcceptedByBoth(string name, string path, Type enumType)
    {
        var contract = ContractCases.All[name];
        var schema = await SchemaFiles.OursAsync(name);
        var bodies = Enum.GetValues(enumType).Cast<object>()
            .Select(value => JsonEdit.Set(contract.ValidBody, path, JsonNode.Parse(ContractJson.Serialize(value))))
            .ToList();

        var rejected = bodies.Where(b => !contract.Parse(b).IsValid || SchemaFiles.ErrorPaths(schema, b).Count > 0);

        Assert.Empty(rejected);
    }
}
