using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfilment.Benchmarks;
using Fulfilment.Sandbox.Storage;

// Inventory figures on Azurite (docs/inventory.md): table requests per operation, then successful reservations/s,
// conflict retries per success and give-ups at 1, 8 and 32 concurrent writers, on one hot product and on 1,000.
// Usage: dotnet run --project tools/Fulfilment.Benchmarks -c Release [-- [secondsPerRun] [--json]]
// --json prints, as the last line, one JSON object with every figure of the run.
var json = args.Contains("--json");
var numbers = args.Where(a => a != "--json").ToArray();
var secondsPerRun = numbers.Length > 0 ? double.Parse(numbers[0], CultureInfo.InvariantCulture) : 4;
await using var azurite = await AzuriteProcess.StartAsync();
var run = 0;
string Prefix() => "b" + (++run).ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];

var operations = await OperationCosts.MeasureAsync(await InventoryRig.CreateAsync(azurite.ConnectionString, Prefix()));
Console.WriteLine("| Operation | Table requests | Kinds |");
Console.WriteLine("|---|---|---|");
foreach (var cost in operations)
{
    Console.WriteLine($"| {cost.Name} | {cost.Requests} | {cost.Kinds} |");
}

var throughput = await Throughput.MeasureAsync(
    await InventoryRig.CreateAsync(azurite.ConnectionString, Prefix()),
    await InventoryRig.CreateAsync(azurite.ConnectionString, Prefix()),
    TimeSpan.FromSeconds(secondsPerRun));
Console.WriteLine();
Console.WriteLine("| Products | Concurrency | Reservations/s | Conflict retries per success | Gave up (redelivered) | Requests per success |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var r in throughput.Where(r => r.Products != Throughput.OneOfMany))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Products} | {r.Concurrency} | {r.PerSecond:F0} | {r.ConflictRetriesPerSuccess:F2} | {r.GaveUp} | {r.RequestsPerSuccess:F2} |"));
}

double Rate(int products, int concurrency) => throughput.Single(r => r.Products == products && r.Concurrency == concurrency).PerSecond;
var hotProductRatio = Math.Round(Rate(1, 32) / Rate(1, 1), 2);
var manyProductsRatio = Math.Round(Rate(Throughput.ManyProducts, 1) / Rate(1, 1), 2);
var control = throughput.Single(r => r.Products == Throughput.OneOfMany);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| 1 of the {Throughput.ManyProducts:N0} (control: that partition, one product's carts) | 1 | {control.PerSecond:F0} | {control.ConflictRetriesPerSuccess:F2} | {control.GaveUp} | {control.RequestsPerSuccess:F2} |"));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Hot product, 32 writers ÷ 1 writer: {hotProductRatio}    {Throughput.ManyProducts:N0} products ÷ 1 product, 1 writer: {manyProductsRatio}"));

if (json)
{
    var figures = new JsonObject
    {
        ["operations"] = new JsonObject(operations.Select(o => KeyValuePair.Create(o.Name, (JsonNode?)o.Requests))),
        ["throughput"] = new JsonArray(throughput.Where(r => r.Products != Throughput.OneOfMany).Select(r => (JsonNode?)new JsonObject
        {
            ["products"] = r.Products,
            ["concurrency"] = r.Concurrency,
            ["perSecond"] = Math.Round(r.PerSecond, 1),
            ["conflictRetriesPerSuccess"] = Math.Round(r.ConflictRetriesPerSuccess, 2),
            ["gaveUp"] = r.GaveUp,
        }).ToArray()),
        ["hotProductRatio"] = hotProductRatio,
        ["manyProductsRatio"] = manyProductsRatio,
    };
    Console.WriteLine(figures.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
}
