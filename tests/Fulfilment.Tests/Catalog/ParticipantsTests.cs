using Fulfilment.Catalog;
using Fulfilment.Contracts;

namespace Fulfilment.Tests.Catalog;

/// <summary>Every wire name, queue and subscription of the contracts has its sender and receiver in the catalogue.</summary>
public sealed class ParticipantsTests
{
    public static TheoryData<string> Names => [.. MessageTypes.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void ProducerOf_EveryWireName_IsAParticipant(string name)
    {
        var producer = Participants.ProducerOf(name);

        Assert.Contains(producer, Participants.All);
    }

    [Fact]
    public void ConsumerOfQueue_EveryQueue_IsAFulfilmentService()
    {
        var consumers = Topology.Queues.Select(Participants.ConsumerOfQueue);

        Assert.All(consumers, c => Assert.False(c.IsExternal));
    }

    [Fact]
    public void ConsumerOfSubscription_EverySubscription_IsAFulfilmentService()
    {
        var consumers = Topology.TopicSubscriptions.Select(s => Participants.ConsumerOfSubscription(s.Subscription));

        Assert.All(consumers, c => Assert.False(c.IsExternal));
    }

    [Fact]
    public void ProducerOf_UnknownName_Throws()
    {
        var act = () => Participants.ProducerOf("order-exploded");

        var error = Assert.Throws<ArgumentException>(act);
        Assert.Contains("order-exploded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_Ids_AreDistinct()
    {
        var ids = Participants.All.Select(p => p.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
