using Fulfilment.Sandbox.Simulation;

namespace Fulfilment.Tests.Sandbox;

public sealed class PercentilesTests
{
    [Fact]
    public void Of_HundredSamples_UsesNearestRank()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i);

        var result = Percentiles.Of(values);

        Assert.Equal(new Percentiles(50, 95, 99, 100), result);
    }

    [Fact]
    public void Of_NoSamples_IsZeroWithCountZero()
    {
        var result = Percentiles.Of([]);

        Assert.Equal(0, result.Count);
    }

    [Fact]
    public void Of_OneSample_EveryPercentileIsThatSample()
    {
        var result = Percentiles.Of([42.5]);

        Assert.Equal(new Percentiles(42.5, 42.5, 42.5, 1), result);
    }
}
