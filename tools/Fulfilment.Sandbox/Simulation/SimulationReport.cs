using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fulfilment.Inventory;
using Fulfilment.Sandbox.Host;

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
                ["abandonedDeliveries"] = bus.Abandoned,
                ["storageFaultsInjected"] = host.StorageFaults.Injected,
            });
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Orders: {Orders}    orders/s (wall clock): {OrdersPerSecond}    peak working set: {PeakWorkingSetMb} MB");
        text.AppendLine(c, $"  {string.Join("   ", ByStatus.Select(s => $"{s.Key} {s.Value}"))}");
        foreach (var (reason, count) in NotCompletedReasons)
        {
            text.AppendLine(c, $"    {count,5} × {reason}");
        }

        text.AppendLine();
        text.AppendLine("Correctness (each must be 0)");
        text.AppendLine(c, $"  oversells {Oversells}   invariant violations {InvariantViolations}   lost messages {LostMessages}");
        text.AppendLine(c, $"  dead-lettered: {(DeadLettered.Count == 0 ? "none" : string.Join(", ", DeadLettered.Select(d => $"{d.Key} {d.Value}")))}");
        text.AppendLine(c, $"  chaos: {string.Join(", ", Chaos.Select(d => $"{d.Key} {d.Value}"))}");
        text.AppendLine();
        text.AppendLine("Per order");
        text.AppendLine(c, $"  table operations: {string.Join(", ", TableOperationsPerOrder.Select(o => $"{o.Key} {o.Value}"))}");
        text.AppendLine(c, $"  bus messages: {string.Join(", ", MessagesPerOrder.Select(o => $"{o.Key} {o.Value}"))}");
        text.AppendLine(c, $"  workflow steps (activities per workflow): {WorkflowStepsPerOrder}");
        foreach (var (kind, actions) in DurableActionsPerOrder)
        {
            text.AppendLine(c, $"  Durable actions per {kind} order: {string.Join(", ", actions.Select(a => $"{a.Key} {a.Value}"))}");
        }
        text.AppendLine();
        text.AppendLine("Handling latency per queue/subscription, ms (wall clock): p50 / p95 / p99 (deliveries)");
        foreach (var (stage, p) in StageLatencyMs)
        {
            text.AppendLine(c, $"  {stage,-34} {p.P50,8} {p.P95,8} {p.P99,8}   ({p.Count})");
        }

        text.Append(IsSound ? "Sound: no oversell, books balance, every message settled." : "NOT SOUND: see the correctness counts above.");
        return text.ToString();
    }

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
