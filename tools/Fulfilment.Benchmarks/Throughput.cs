using System.Diagnostics;
using Fulfilment.Storage;

namespace Fulfilment.Benchmarks;

/// <summary>
/// Successful 1-line reservations per second at 1, 8 and 32 concurrent writers, on one hot product and on
/// <see cref="ManyProducts"/>, each on its own table. Azurite is warmed up first, and the six runs are measured in
/// interleaved slices (every run gets a slice of each round), so that a drifting machine load falls on all alike.
/// A control run reserves only one product of the 1,000-product table (<see cref="OneOfMany"/>): same carts as the
/// hot product's, same partition as the 1,000 products' — it tells whether a rate follows the products the carts
/// touch or the rows the partition holds.
/// </summary>
internal static class Throughput
{
    public const int ManyProducts = 1000;

    /// <summary>The control run's "product count": one product reserved, in the 1,000-product partition.</summary>
    public const int OneOfMany = -1;
    private const int Rounds = 4;
    private static readonly int[] Concurrencies = [1, 8, 32];

    public static async Task<IReadOnlyList<ThroughputResult>> MeasureAsync(InventoryRig hot, InventoryRig many, TimeSpan perRun)
    {
        var catalogues = new Dictionary<int, (InventoryRig Rig, Guid[] Products)>
        {
            [1] = (hot, await hot.ProductsAsync(1, 10_000_000)),
            [ManyProducts] = (many, await many.ProductsAsync(ManyProducts, 10_000)),
        };
        foreach (var (rig, products) in catalogues.Values)
        {
            await RunAsync(rig, products, 8, TimeSpan.FromSeconds(1)); // warm-up, not measured
        }

        var totals = new Dictionary<(int Products, int Concurrency), Slice>();
        void Add((int, int) run, Slice slice) => totals[run] = totals.TryGetValue(run, out var sum) ? sum + slice : slice;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var concurrency in Concurrencies)
            {
                foreach (var (count, (rig, products)) in catalogues)
                {
                    Add((count, concurrency), await RunAsync(rig, products, concurrency, perRun / Rounds));
                }
            }

            Add((OneOfMany, 1), await RunAsync(many, catalogues[ManyProducts].Products[..1], 1, perRun / Rounds));
        }

        return totals.OrderBy(t => t.Key.Products == OneOfMany ? int.MaxValue : t.Key.Products).ThenBy(t => t.Key.Concurrency)
            .Select(t => new ThroughputResult(
                t.Key.Products,
                t.Key.Concurrency,
                t.Value.Successes / t.Value.Seconds,
                (double)t.Value.Conflicts / Math.Max(1, t.Value.Successes),
                t.Value.GaveUp,
                (double)t.Value.Requests / Math.Max(1, t.Value.Successes)))
            .ToList();
    }

    private static async Task<Slice> RunAsync(InventoryRig rig, Guid[] products, int concurrency, TimeSpan length)
    {
        rig.Counter.Reset();
        long successes = 0, gaveUp = 0;
        var conflictsBefore = ConcurrencyRetry.ConflictsRetried;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (stopwatch.Elapsed < length)
            {
#pragma warning disable CA5394 // load generation, not security
                var product = products[random.Next(products.Length)];
#pragma warning restore CA5394
                try
                {
                    await rig.Reserve.HandleAsync(InventoryRig.Cart(product), default);
                    Interlocked.Increment(ref successes);
                }
                catch (Azure.RequestFailedException e) when (ConcurrencyRetry.IsConflict(e))
                {
                    Interlocked.Increment(ref gaveUp);
                }
            }
        })));
        return new Slice(successes, stopwatch.Elapsed.TotalSeconds, ConcurrencyRetry.ConflictsRetried - conflictsBefore, gaveUp, rig.Counter.Total);
    }

    private sealed record Slice(long Successes, double Seconds, long Conflicts, long GaveUp, long Requests)
    {
        public static Slice operator +(Slice a, Slice b) =>
            new(a.Successes + b.Successes, a.Seconds + b.Seconds, a.Conflicts + b.Conflicts, a.GaveUp + b.GaveUp, a.Requests + b.Requests);
    }
}
