using System.Data.Common;
using System.Text.Json.Nodes;
using Fulfilment.Contracts;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Sandbox.Host;
using Fulfilment.Sandbox.Replay;
using Fulfilment.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// What the app writes to its logs on a full sandbox flow — orders delivered (signed for), cancelled before picking
/// and after dispatch, short-picked, rejected by the carrier (its answer naming the postcode), lost in transit, cancelled before they started, and
/// bad input (contract violations, a wrong and a stale callback signature) — captured at every level: no line
/// above Debug carries a configured secret, a line of a shipping address or the name of whoever signed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SandboxLogTests(AzuriteFixture azurite)
{
    private const string ProductId = "7d0c3f4e-0a55-4d7e-9a63-0c7f3d1b2a11";
    private const string SignedBy = "Philippa Quartermaine";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Captured? captured;

    [Fact]
    public async Task Logs_OfAFullFlow_HoldNoSecretAboveDebug()
    {
        var run = await RunAsync();

        Assert.Empty(Leaks(run.Lines, run.Secrets));
    }

    [Fact]
    public async Task Logs_OfAFullFlow_HoldNoAddressOrNameAboveDebug()
    {
        var run = await RunAsync();

        Assert.Empty(Leaks(run.Lines, Personal));
    }

    [Fact]
    public async Task Logs_OfAFullFlow_CoverEveryPartOfTheApp()
    {
        var run = await RunAsync();

        var categories = run.Lines.Where(l => l.Level > LogLevel.Debug).Select(l => l.Category).ToHashSet(StringComparer.Ordinal);
        Assert.All(
            ["Fulfilment.Inventory.", "Fulfilment.Warehouse.", "Fulfilment.Shipping.", "Fulfilment.Workflow."],
            context => Assert.Contains(categories, c => c.StartsWith(context, StringComparison.Ordinal)));
        Assert.Contains(run.Lines, l => l.Message.Contains("finished Completed", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Message.Contains("finished Cancelled", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Message.Contains("finished Failed", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Message.Contains("Carrier callback rejected with 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaks_OfPlantedLines_AreFoundAboveDebugOnly()
    {
        var run = await RunAsync();
        using var sink = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));
        var logger = factory.CreateLogger("Fulfilment.Shipping.Planted");

        logger.LogInformation("Shipping to {Postcode}", Addresses[2].Postcode);
        logger.LogWarning("Carrier answered {Status}", 401);
        logger.LogError(new InvalidOperationException("key " + run.Secrets[0]), "Carrier call failed");
        logger.LogDebug("Signed by {SignedBy}", SignedBy);

        Assert.Single(Leaks(sink.Lines, Personal));
        Assert.Single(Leaks(sink.Lines, run.Secrets));
    }

    /// <summary>The lines above Debug that contain any of <paramref name="values"/>, each with the value found.</summary>
    private static List<string> Leaks(IEnumerable<LogLine> lines, IReadOnlyList<string> values) =>
        [.. from line in lines
            where line.Level > LogLevel.Debug
            from value in values
            where line.Text.Contains(value, StringComparison.OrdinalIgnoreCase)
            select $"'{value}' in {line}"];

    private static readonly Address[] Addresses =
    [
        .. Enumerable.Range(1, 8).Select(i => new Address($"{i} Larkspur Mews", i % 2 == 0 ? "Wexcombe" : "Thornaby-on-Tees", $"QX{i} 7ZW", "GB")),
    ];

    private static IReadOnlyList<string> Personal =>
        [SignedBy, .. Addresses.SelectMany(a => new[] { a.Line1, a.City, a.Postcode }).Distinct(StringComparer.Ordinal)];

    private async Task<Captured> RunAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return captured ??= await CaptureAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<Captured> CaptureAsync()
    {
        var scenario = ScenarioParser.Parse(Flow().ToJsonString());
        using var sink = new RecordingLoggerProvider();
        var settings = new SandboxSettings
        {
            Start = scenario.Start,
            StorageConnectionString = azurite.ConnectionString,
            TimeScale = SandboxSettings.ReplayTimeScale,
            LogSink = sink,
        };
        string[] secrets;
        await using (var host = await SandboxHost.StartAsync(settings, CancellationToken.None))
        {
            secrets = SecretsOf(host);
            // Carriers echo what they refuse: order 5's rejection names its postcode.
            host.Carrier.RejectOrder(OrderGuid(5), FakeCarrierReply.Rejected(422, $"postcode {Addresses[4].Postcode} is not served"));
            await new ReplayRunner(host, TextWriter.Null).RunAsync(scenario, CancellationToken.None);
        }

        return new Captured([.. sink.Lines], secrets);
    }

    /// <summary>Every configured value whose key names a secret, and the storage connection string and its account key.</summary>
    private static string[] SecretsOf(SandboxHost host)
    {
        var configured = host.Configuration.AsEnumerable()
            .Where(kv => kv.Value is { Length: > 0 } && IsSecretKey(kv.Key))
            .Select(kv => kv.Value!);
        var connection = new DbConnectionStringBuilder { ConnectionString = host.StorageConnectionString };
        var parts = connection.Keys.Cast<string>().Where(IsSecretKey).Select(k => (string)connection[k]);
        string[] secrets = [.. configured, .. parts, host.StorageConnectionString];
        Assert.Contains(SandboxHost.CallbackSecret, secrets);
        Assert.True(secrets.Length >= 4, string.Join(", ", secrets));
        return secrets;
    }

    private static bool IsSecretKey(string key) =>
        new[] { "Key", "Secret", "Password", "ConnectionString", "Signature", "Token" }.Any(k => key.Contains(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Orders 1–7 each reserve one unit and complete with their own address: 1 is delivered and signed for, 2 cancelled
    /// before picking, 3 short-picked, 4 lost in transit, 5 rejected by the carrier (its answer names the postcode: set up before the flow), 6 cancelled after dispatch (refused)
    /// then delivered and signed for; 7 is cancelled before it completes; 8's order-completed breaks its contract.
    /// </summary>
    private static JsonObject Flow()
    {
        var steps = new JsonArray();
        for (var i = 1; i <= 7; i++)
        {
            steps.Add(Send(MessageNames.ReserveInventory, new JsonObject
            {
                ["cartId"] = Cart(i), ["customerId"] = Customer(i), ["items"] = new JsonArray(new JsonObject { ["productId"] = ProductId, ["quantity"] = 1 }),
            }));
        }

        steps.Add(Send(MessageNames.OrderCancelled, Cancelled(7, "CUSTOMER_REQUESTED")));
        for (var i = 1; i <= 7; i++)
        {
            steps.Add(Send(MessageNames.OrderCompleted, Completed(i, "GB")));
        }

        steps.Add(Send(MessageNames.OrderCompleted, Completed(8, "Great Britain")));
        steps.Add(new JsonObject { ["send"] = MessageNames.OrderCompleted, ["raw"] = $"{{\"orderId\": \"{Order(8)}\", \"shippingAddress\": \"{Addresses[7].Line1}\"" });
        steps.Add(Send(MessageNames.OrderCancelled, Cancelled(2, "CUSTOMER_REQUESTED")));
        steps.Add(new JsonObject { ["shortPick"] = new JsonObject { ["orderId"] = Order(3), ["productId"] = ProductId, ["picked"] = 0, ["reason"] = "bin empty" } });
        foreach (var i in new[] { 1, 4, 5, 6 })
        {
            steps.Add(new JsonObject { ["pick"] = new JsonObject { ["orderId"] = Order(i), ["parcelCount"] = 1 } });
        }

        foreach (var i in new[] { 1, 4, 6 })
        {
            steps.Add(Carrier(MessageNames.ShipmentCreated, i));
        }

        steps.Add(Carrier(MessageNames.ShipmentDelivered, 1, new JsonObject { ["signedBy"] = SignedBy }, "invalid"));
        steps.Add(Carrier(MessageNames.ShipmentDelivered, 6, new JsonObject { ["signedBy"] = SignedBy }, "stale"));
        steps.Add(Send(MessageNames.OrderCancelled, Cancelled(6, "FRAUD")));
        steps.Add(new JsonObject { ["advance"] = "P1D" });
        steps.Add(Carrier(MessageNames.ShipmentDelivered, 1, new JsonObject { ["signedBy"] = SignedBy }));
        steps.Add(Carrier(MessageNames.ShipmentDelivered, 6, new JsonObject { ["signedBy"] = SignedBy, ["deliveredAt"] = "yesterday" }));
        steps.Add(Carrier(MessageNames.ShipmentDelivered, 6, new JsonObject { ["signedBy"] = SignedBy }));
        steps.Add(Carrier(MessageNames.ShipmentFailed, 4, new JsonObject { ["reason"] = "LOST" }));
        return new JsonObject
        {
            ["start"] = "2026-03-02T09:00:00Z",
            ["stock"] = new JsonArray(new JsonObject { ["productId"] = ProductId, ["available"] = 20 }),
            ["steps"] = steps,
        };
    }

    private static JsonObject Send(string name, JsonObject body) => new() { ["send"] = name, ["body"] = body };

    private static JsonObject Completed(int i, string country)
    {
        var address = Addresses[i - 1];
        return new JsonObject
        {
            ["orderId"] = Order(i), ["customerId"] = Customer(i), ["completedAt"] = "2026-03-02T09:01:00Z", ["cartId"] = Cart(i),
            ["shippingAddress"] = new JsonObject { ["line1"] = address.Line1, ["city"] = address.City, ["postcode"] = address.Postcode, ["country"] = country },
        };
    }

    private static JsonObject Cancelled(int i, string reason) =>
        new() { ["orderId"] = Order(i), ["reason"] = reason, ["cancelledAt"] = "2026-03-02T09:02:00Z", ["customerId"] = Customer(i) };

    private static JsonObject Carrier(string eventName, int i, JsonObject? body = null, string signature = "valid") =>
        new() { ["carrier"] = new JsonObject { ["event"] = eventName, ["orderId"] = Order(i), ["body"] = body, ["signature"] = signature } };

    private static string Cart(int i) => $"11111111-1111-4111-8111-{i:D12}";

    private static string Order(int i) => $"22222222-2222-4222-8222-{i:D12}";

    private static Guid OrderGuid(int i) => Guid.Parse(Order(i));

    private static string Customer(int i) => $"33333333-3333-4333-8333-{i:D12}";

    private sealed record Captured(IReadOnlyList<LogLine> Lines, IReadOnlyList<string> Secrets);
}
