using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fulfilment.Inventory;
using Fulfilment.Sandbox.Host;
using Spectre.Console;

namespace Fulfilment.Sandbox.Simulation;

/// <summary>
/// The outcome of a simulate run: correctness counts that must be zero (oversells, invariant violations, lost
/// messages), then throughput and cost per order as ratios and counts, which stay comparable on a noisy machine.
/// </summary>
public sealed record SimulationReport(
    int Orders,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> NotCompletedReasons,
    int Oversells,
    int InvariantViolations,
    long LostMessages,
    IReadOnlyDictionary<string, long> DeadLettered,
    double OrdersPerSecond,
    IReadOnlyDictionary<string, Percentiles> StageLatencyMs,
    IReadOnlyDictionary<string, double> TableOperationsPerOrder,
    IReadOnlyDictionary<string, double> MessagesPerOrder,
    double WorkflowStepsPerOrder,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> DurableActionsPerOrder,
    double PeakWorkingSetMb,
    IReadOnlyDictionary<string, long> Chaos)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool IsSound => Oversells == 0 && InvariantViolations == 0 && LostMessages == 0;

    public static async Task<SimulationReport> CreateAsync(
        SimulationOptions options,
        SandboxHost host,
        SimulationTally tally,
        LatencyRecorder latency,
        TimeSpan elapsed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(latency);
        var operations = host.StorageOperations.Snapshot();
        host.StorageFaults.Enabled = false;
        var stock = await host.Get<StockAdministration>().ListStockAsync(cancellationToken).ConfigureAwait(false);
        var orders = (double)options.Orders;
        var bus = host.Bus.Statistics;
        var tableOps = operations.OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToDictionary(o => o.Key, o => Round(o.Value / orders), StringComparer.Ordinal);
        tableOps["total"] = Round(operations.Values.Sum() / orders);
        using var process = Process.GetCurrentProcess();
        return new SimulationReport(
            options.Orders,
            tally.ByStatus,
            tally.Reasons,
            stock.Count(s => s.Available < 0 || s.Reserved < 0),
            stock.Count(s => !s.IsBalanced),
            bus.Lost(host.Bus.Pending),
            bus.DeadLettersByReason.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
            Round(orders / elapsed.TotalSeconds),
            latency.Summarise(),
            tableOps,
            new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["published"] = Round(bus.PublishedTotal / orders),
                ["deliveries"] = Round(bus.Deliveries / orders),
            },
            tally.Workflows == 0 ? 0 : Round(tally.WorkflowSteps / (double)tally.Workflows),
            new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
            {
                ["delivered"] = Actions(tally.Delivered),
                ["notDelivered"] = Actions(tally.NotDelivered),
            },
            Round(process.PeakWorkingSet64 / (1024.0 * 1024.0)),
            new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["duplicateDeliveries"] = bus.DuplicatesInjected,
                ["duplicatesDroppedBySendDetection"] = bus.DuplicatesDetected,
                ["reorderedDeliveries"] = bus.Reordered,
                ["delayedDeliveries"] = bus.Delayed,
                ["abandonedDeliveries"] = bus.Abandoned,
                ["storageFaultsInjected"] = host.StorageFaults.Injected,
                ["cancellationsSent"] = tally.CancellationsSent,
                ["carrierFailuresSent"] = tally.CarrierFailuresSent,
            });
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The report as Spectre.Console tables, in plain text (no colours, fixed width), for a terminal or a file.</summary>
    public string ToText()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        var c = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(c, $"Orders: {Orders}    orders/s (wall clock): {OrdersPerSecond}    peak working set: {PeakWorkingSetMb} MB"));

        var outcomes = Table("Terminal status", "Orders");
        foreach (var (status, count) in ByStatus)
        {
            Row(outcomes, status, count.ToString(c));
        }

        foreach (var (reason, count) in NotCompletedReasons)
        {
            Row(outcomes, "  " + reason, count.ToString(c));
        }

        console.Write(outcomes);

        var correctness = Table("Correctness (each must be 0)", "Count");
        Row(correctness, "oversells", Oversells.ToString(c));
        Row(correctness, "invariant violations", InvariantViolations.ToString(c));
        Row(correctness, "lost messages", LostMessages.ToString(c));
        Row(correctness, "dead-lettered", DeadLettered.Count == 0 ? "none" : string.Join(", ", DeadLettered.Select(d => $"{d.Key} {d.Value}")));
        Row(correctness, "chaos injected", string.Join(", ", Chaos.Select(d => $"{d.Key} {d.Value}")));
        console.Write(correctness);

        var perOrder = Table("Per order", "Count");
        foreach (var (kind, count) in TableOperationsPerOrder)
        {
            Row(perOrder, "table operations: " + kind, count.ToString(c));
        }

        foreach (var (kind, count) in MessagesPerOrder)
        {
            Row(perOrder, "bus messages: " + kind, count.ToString(c));
        }

        Row(perOrder, "activities per workflow", WorkflowStepsPerOrder.ToString(c));
        foreach (var (kind, actions) in DurableActionsPerOrder)
        {
            Row(perOrder, $"Durable actions per {kind} order", string.Join(", ", actions.Select(a => $"{a.Key} {a.Value.ToString(c)}")));
        }

        console.Write(perOrder);

        var latency = Table("Handling latency per queue/subscription (ms, wall clock)", "p50", "p95", "p99", "deliveries");
        foreach (var (stage, p) in StageLatencyMs)
        {
            Row(latency, stage, p.P50.ToString(c), p.P95.ToString(c), p.P99.ToString(c), p.Count.ToString(c));
        }

        console.Write(latency);
        console.WriteLine(IsSound ? "Sound: no oversell, books balance, every message settled." : "NOT SOUND: see the correctness counts above.");
        return writer.ToString().TrimEnd();
    }

    private static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        return table;
    }

    private static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(cell => new Text(cell)));

    private static double Round(double value) => Math.Round(value, 2);

    private static Dictionary<string, double> Actions(DurableWork work)
    {
        var (activities, timers, events, total) = work.PerOrder();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["orders"] = work.Orders,
            ["activities"] = activities,
            ["timers"] = timers,
            ["events"] = events,
            ["total"] = total,
        };
    }
}
