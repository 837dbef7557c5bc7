using Fulfilment.Messaging;

namespace Fulfilment.Tests.Messaging;

public sealed class MessageIdsTests
{
    [Fact]
    public void For_SameNameAndKey_GivesSameId()
    {
        var first = MessageIds.For("inventory-reserved", "cart-1");

        var second = MessageIds.For("inventory-reserved", "cart-1");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("inventory-reserved", "cart-2")]
    [InlineData("inventory-unavailable", "cart-1")]
    public void For_DifferentNameOrKey_GivesDifferentId(string name, string key)
    {
        var reference = MessageIds.For("inventory-reserved", "cart-1");

        var other = MessageIds.For(name, key);

        Assert.NotEqual(reference, other);
    }

    [Fact]
    public void DeterministicGuid_IsVersion8Rfc4122()
    {
        var id = MessageIds.DeterministicGuid("anything").ToString();

        Assert.Equal('8', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
