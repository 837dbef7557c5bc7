using Fulfilment.Sandbox.Simulation;

namespace Fulfilment.Tests.Sandbox;

public sealed class LatencyRecorderTests
{
    [Fact]
    public void Record_MoreThanCapacity_HoldsCapacityAndCountsEverything()
    {
        var recorder = new LatencyRecorder(capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            recorder.Record("stage", TimeSpan.FromMilliseconds(i % 100));
        }

        Assert.Equal(100, recorder.Held("stage"));
        Assert.Equal(10_000, recorder.Summarise()["stage"].Count);
    }

    [Fact]
    public void Summarise_FewerThanCapacity_ExactPercentiles()
    {
        var recorder = new LatencyRecorder();

        for (var i = 1; i <= 100; i++)
        {
            recorder.Record("stage", TimeSpan.FromMilliseconds(i));
        }

        Assert.Equal(new Percentiles(50, 95, 99, 100), recorder.Summarise()["stage"]);
    }

    [Fact]
    public void Summarise_UniformStreamBeyondCapacity_MedianStaysNearTheTrueMedian()
    {
        var recorder = new LatencyRecorder(capacity: 1000, seed: 3);

        for (var i = 0; i < 100_000; i++)
        {
            recorder.Record("stage", TimeSpan.FromMilliseconds(i % 1000));
        }

        Assert.InRange(recorder.Summarise()["stage"].P50, 450, 550);
    }
}
