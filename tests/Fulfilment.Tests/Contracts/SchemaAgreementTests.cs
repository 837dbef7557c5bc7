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
}
