namespace Fulfilment.Sandbox.Simulation;

/// <summary>
/// Wall-clock latencies per stage, summarised as p50/p95/p99 in milliseconds. Each stage keeps a uniform random
/// sample of at most <see cref="Capacity"/> values (reservoir sampling), so memory stays flat however many orders
/// run; the count is exact.
/// </summary>
public sealed class LatencyRecorder(int capacity = LatencyRecorder.Capacity, int seed = 1)
{
    public const int Capacity = 4096;

    private readonly Dictionary<string, Reservoir> stages = new(StringComparer.Ordinal);
    private readonly Random random = new(seed);
    private readonly Lock gate = new();

    public void Record(string stage, TimeSpan elapsed)
    {
        lock (gate)
        {
            if (!stages.TryGetValue(stage, out var reservoir))
            {
                stages[stage] = reservoir = new Reservoir();
            }

            reservoir.Seen++;
            if (reservoir.Values.Count < capacity)
            {
                reservoir.Values.Add(elapsed.TotalMilliseconds);
                return;
            }

#pragma warning disable CA5394 // sampling, not security
            var slot = random.NextInt64(reservoir.Seen);
#pragma warning restore CA5394
            if (slot < capacity)
            {
                reservoir.Values[(int)slot] = elapsed.TotalMilliseconds;
            }
        }
    }

    public IReadOnlyDictionary<string, Percentiles> Summarise()
    {
        lock (gate)
        {
            return stages.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(
                s => s.Key,
                s => Percentiles.Of(s.Value.Values) with { Count = (int)s.Value.Seen },
                StringComparer.Ordinal);
        }
    }

    /// <summary>The values held for one stage, and how many were recorded.</summary>
    public int Held(string stage)
    {
        lock (gate)
        {
            return stages.TryGetValue(stage, out var reservoir) ? reservoir.Values.Count : 0;
        }
    }

    private sealed class Reservoir
    {
        public List<double> Values { get; } = [];

        public long Seen { get; set; }
    }
}
