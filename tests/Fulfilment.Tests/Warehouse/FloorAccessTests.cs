using Fulfilment.Warehouse;

namespace Fulfilment.Tests.Warehouse;

/// <summary>Who may work the picking floor at all, from a principal's app roles.</summary>
public sealed class FloorAccessTests
{
    private static readonly WarehouseOptions Options = new();

    [Fact]
    public void Resolve_PickerRole_APickerWithThePrincipalsId()
    {
        var (caller, refusal) = FloorAccess.Resolve("oid-1", ["Warehouse.Picker"], Options);

        Assert.Equal((FloorCaller.Picker("oid-1"), null), (caller, refusal));
    }

    [Fact]
    public void Resolve_SupervisorRole_ASupervisor()
    {
        var (caller, _) = FloorAccess.Resolve("oid-2", ["Warehouse.Picker", "Warehouse.Supervisor"], Options);

        Assert.Equal(FloorCaller.Supervisor("oid-2"), caller);
    }

    [Theory]
    [InlineData]
    [InlineData("Orders.Reader")]
    [InlineData("warehouse.picker")]
    public void Resolve_NeitherRole_RefusedNamingBothRoles(params string[] roles)
    {
        var (caller, refusal) = FloorAccess.Resolve("oid-3", roles, Options);

        Assert.Null(caller);
        Assert.Equal("the caller holds neither the Warehouse.Picker nor the Warehouse.Supervisor app role", refusal);
    }

    [Fact]
    public void Resolve_NoPickerRoleConfigured_EveryPrincipalPicks()
    {
        var (caller, _) = FloorAccess.Resolve("oid-4", [], new WarehouseOptions { PickerRole = "" });

        Assert.Equal(FloorCaller.Picker("oid-4"), caller);
    }

    [Fact]
    public void Resolve_SupervisorRoleRenamed_TheNewNameCounts()
    {
        var options = new WarehouseOptions { SupervisorRole = "Floor.Lead" };

        var (caller, _) = FloorAccess.Resolve("oid-5", ["Floor.Lead"], options);

        Assert.True(caller!.IsSupervisor);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("oid-1", true)]
    [InlineData(" oid-1 ", true)]
    [InlineData("oid-2", false)]
    [InlineData("OID-1", false)]
    public void IsNamedBy_AStartsPickerId_OnlyTheCallerOrNone(string? pickerId, bool named)
    {
        Assert.Equal(named, FloorCaller.Supervisor("oid-1").IsNamedBy(pickerId));
    }
}
