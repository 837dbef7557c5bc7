using System.Reflection;
using System.Text.Json;

namespace Fulfilment.Tests.Contracts;

/// <summary>
/// Records, schemas and validators stay in step when a record changes: every record property is in the schema,
/// required exactly when it is not nullable, and the validator refuses a body without any required one.
/// </summary>
public sealed class ContractDriftTests
{
    /// <summary>Non-nullable in the record but optional on the wire (the published schema says so; absent = 0).</summary>
    private static readonly HashSet<string> OptionalValueTypes = ["get-stock-level.reserved"];

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public async Task Schema_Properties_AreTheRecordsProperties(string name)
    {
        var recordProperties = RecordParameters(name).Select(p => p.Name).Order();

        var schema = await SchemaFiles.OursAsync(name);

        Assert.Equal(recordProperties, schema.Properties.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public async Task Schema_Required_AreTheRecordsNonNullableProperties(string name)
    {
        var nonNullable = RecordParameters(name)
            .Where(p => !p.Nullable && !OptionalValueTypes.Contains($"{name}.{p.Name}"))
            .Select(p => p.Name).Order();

        var schema = await SchemaFiles.OursAsync(name);

        Assert.Equal(nonNullable, schema.RequiredProperties.Order());
    }

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public async Task Parse_WithoutASchemaRequiredProperty_IsRefused(string name)
    {
        var contract = ContractCases.All[name];
        var schema = await SchemaFiles.OursAsync(name);

        var accepted = schema.RequiredProperties
            .Where(p => contract.Parse(JsonEdit.Remove(contract.ValidBody, "$." + p)).IsValid)
            .ToList();

        Assert.Empty(accepted);
    }

    private static IEnumerable<(string Name, bool Nullable)> RecordParameters(string name)
    {
        var nullability = new NullabilityInfoContext();
        return ContractExamples.Full[name].GetType().GetConstructors().Single().GetParameters().Select(p => (
            JsonNamingPolicy.CamelCase.ConvertName(p.Name!),
            Nullable.GetUnderlyingType(p.ParameterType) is not null
                || nullability.Create(p).WriteState == NullabilityState.Nullable));
    }
}
