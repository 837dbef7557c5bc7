using System.Collections.Concurrent;

namespace Fulfilment.Sandbox.Simulation;

/// <summary>Wall-clock latencies per stage, summarised as p50/p95/p99 in milliseconds.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> samples = new(StringComparer.Ordinal);

    public void Record(string stage, TimeSpan elapsed) =>
        samples.GetOrAdd(stage, _ => []).Add(elapsed.TotalMilliseconds);

    public IReadOnlyDictionary<string, Percentiles> Summarise() =>
        samples.OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => Percentiles.Of(s.Value), StringComparer.Ordinal);
}

/// <summary>Nearest-rank percentiles of a set of samples.</summary>
public sealed record Percentiles(double P50, double P95, double P99, int Count)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(0, 0, 0, 0)
            : new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted.Length);
    }

    private static double Rank(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
