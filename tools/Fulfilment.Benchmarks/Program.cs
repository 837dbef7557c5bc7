using System.Diagnostics;
using System.Globalization;
using Fulfilment.Benchmarks;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Storage;

// Inventory figures on Azurite (docs/inventory.md): table operations per operation, then successful reservations/s
// and 412 retries per success at concurrency 1, 8 and 32, on one hot product vs. 1,000 products.
// Usage: dotnet run --project tools/Fulfilment.Benchmarks -c Release [-- secondsPerRun]
var secondsPerRun = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 4;
await using var azurite = await AzuriteProcess.StartAsync();
var run = 0;
string Prefix() => "b" + (++run).ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];

Console.WriteLine("| Operation | Table requests | Kinds |");
Console.WriteLine("|---|---|---|");
var rig = await InventoryRig.CreateAsync(azurite.ConnectionString, Prefix());
var products = await rig.ProductsAsync(5, 1000);
async Task<Guid> MeasureAsync(string name, Func<Task<Guid>> operation)
{
    rig.Counter.Reset();
    var id = await operation();
    var kinds = string.Join(", ", rig.Counter.Snapshot().OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} {k.Key}"));
    Console.WriteLine($"| {name} | {rig.Counter.Total} | {kinds} |");
    return id;
}

await MeasureAsync("reserve, 1 line", async () => (await rig.Reserve.HandleAsync(InventoryRig.Cart(products[0]), default)).ReservationId);
var fiveLines = InventoryRig.Cart(products);
var five = await MeasureAsync("reserve, 5 lines", async () => (await rig.Reserve.HandleAsync(fiveLines, default)).ReservationId);
await MeasureAsync("reserve, redelivered (5 lines)", async () => (await rig.Reserve.HandleAsync(fiveLines, default)).ReservationId);
await MeasureAsync("release (5 lines)", async () => (await rig.Ledger.ReleaseAsync(five, "ORDER_CANCELLED", default)).ReservationId);
var toConsume = (await rig.Reserve.HandleAsync(InventoryRig.Cart(products), default)).ReservationId;
await MeasureAsync("link (5 lines)", async () => (await rig.Ledger.LinkAsync(toConsume, Guid.NewGuid(), default)).ReservationId);
await MeasureAsync("consume (5 lines)", async () => (await rig.Ledger.ConsumeAsync(toConsume, default)).ReservationId);

Console.WriteLine();
Console.WriteLine($"| Products | Concurrency | Reservations/s | 412 retries per success | Gave up (redelivered) | Requests per success |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var productCount in new[] { 1000, 1 })
{
    var throughputRig = await InventoryRig.CreateAsync(azurite.ConnectionString, Prefix());
    var catalogue = await throughputRig.ProductsAsync(productCount, 1_000_000);
    foreach (var concurrency in new[] { 1, 8, 32 })
    {
        throughputRig.Counter.Reset();
        long successes = 0, gaveUp = 0;
        var conflictsBefore = ConcurrencyRetry.ConflictsRetried;
        var stopwatch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(secondsPerRun);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (stopwatch.Elapsed < until)
            {
#pragma warning disable CA5394 // load generation, not security
                var product = catalogue[random.Next(catalogue.Length)];
#pragma warning restore CA5394
                try
                {
                    await throughputRig.Reserve.HandleAsync(InventoryRig.Cart(product), default);
                    Interlocked.Increment(ref successes);
                }
                catch (Azure.RequestFailedException e) when (ConcurrencyRetry.IsConflict(e))
                {
                    Interlocked.Increment(ref gaveUp);
                }
            }
        })));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var conflicts = ConcurrencyRetry.ConflictsRetried - conflictsBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {productCount} | {concurrency} | {successes / elapsed:F0} | {(double)conflicts / Math.Max(1, successes):F2} | {gaveUp} | {(double)throughputRig.Counter.Total / Math.Max(1, successes):F1} |"));
    }
}
