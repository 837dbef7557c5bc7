using System.Reflection;
using Fulfilment.Contracts;

namespace Fulfilment.Tests.Contracts;

public sealed class MessageTypesTests
{
    [Fact]
    public void Names_AreEveryMessageNamesConstant()
    {
        var constants = typeof(MessageNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(), MessageTypes.Names.Order());
    }

    [Theory]
    [MemberData(nameof(ContractCases.Names), MemberType = typeof(ContractCases))]
    public void NameOf_TypeOf_RoundTrips(string name)
    {
        var type = MessageTypes.TypeOf(name);

        Assert.Equal(name, MessageTypes.NameOf(type));
    }

    [Fact]
    public void TypeOf_GetStockLevel_IsTheResponseRecord()
    {
        Assert.Equal(typeof(StockLevel), MessageTypes.TypeOf(MessageNames.GetStockLevel));
    }

    [Fact]
    public void NameOf_NonMessageType_Throws()
    {
        Assert.Throws<ArgumentException>(() => MessageTypes.NameOf<Address>());
    }
}
