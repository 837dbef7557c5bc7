using Fulfilment.Messaging;

namespace Fulfilment.Sandbox.Simulation;

/// <summary>
/// The simulated shop: products with Zipf-like popularity (a few hot ones), initial stock a little below the
/// expected demand so that hot products run out, and a seeded generator of carts.
/// </summary>
public sealed class Catalogue
{
    private readonly Guid[] products;
    private readonly double[] cumulative;
    private readonly Random random;
    private readonly int lines;

    public Catalogue(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        random = new Random(options.Seed);
        lines = options.Lines;
        products = Enumerable.Range(0, options.Products)
            .Select(i => MessageIds.DeterministicGuid($"sim-product:{options.Seed}:{i}"))
            .ToArray();
        var weights = Enumerable.Range(1, options.Products).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }

        const double MeanQuantity = 2.0;
        InitialStock = products
            .Select((id, i) => (id, Math.Max(5, (int)(options.Orders * options.Lines * MeanQuantity * weights[i] / total * 0.85))))
            .ToArray();
    }

    public IReadOnlyList<(Guid ProductId, int Available)> InitialStock { get; }

    /// <summary>A cart of <c>lines</c> distinct products, popular ones more likely, 1–3 of each.</summary>
    public IReadOnlyList<(Guid ProductId, int Quantity)> NextCart()
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < lines)
        {
#pragma warning disable CA5394 // seeded simulation, not security
            var roll = random.NextDouble();
#pragma warning restore CA5394
            var index = Array.BinarySearch(cumulative, roll);
            chosen.Add(Math.Min(index < 0 ? ~index : index, products.Length - 1));
        }

#pragma warning disable CA5394
        return chosen.Select(i => (products[i], random.Next(1, 4))).ToArray();
#pragma warning restore CA5394
    }

    /// <summary>A seeded draw in [0, 1) for the scripted actors' choices.</summary>
#pragma warning disable CA5394
    public double Roll() => random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
#pragma warning restore CA5394
}
