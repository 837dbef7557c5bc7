using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Bus;
using Fulfilment.Sandbox.Host;
using Fulfilment.Sandbox.Replay;
using Fulfilment.Shipping;
using Fulfilment.Workflow;

namespace Fulfilment.Sandbox.Simulation;

/// <summary>
/// <c>simulate</c>: N checkouts and orders over M products, driven in waves by scripted actors (ordering, the
/// picking floor, the carrier) through the real handlers, workflow and storage, with the requested chaos, to
/// quiescence; then the books are checked and a <see cref="SimulationReport"/> is made.
/// </summary>
public sealed class Simulator(SimulationOptions options, IProgress<int>? progress = null)
{
    private static readonly Address Address = new("1 Sandbox Row", "Leeds", "LS1 1AA", "GB");
    private static readonly string[] FailureReasons = ["FAILED_DELIVERY", "LOST", "DAMAGED", "RETURNED_TO_SENDER"];

    /// <summary>
    /// The workflow steps' first retry interval here: the attempts stay as configured, but a wave does not wait out
    /// real 5-second back-offs (doubling) after every injected storage fault.
    /// </summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    public async Task<SimulationReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = new SandboxSettings
        {
            StorageConnectionString = options.Storage,
            Chaos = new BusChaos(options.Duplicates, options.Reorder, options.Reorder ? 0.2 : 0, options.Abandon, options.Seed),
            StorageFaultRate = options.StorageFaults,
            Concurrency = options.Concurrency,
            Seed = options.Seed,
            RetryInterval = RetryInterval,
        };
        await using var host = await SandboxHost.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        var catalogue = new Catalogue(options);
        await host.SeedStockAsync(catalogue.InitialStock, cancellationToken).ConfigureAwait(false);
        host.StorageOperations.Reset();

        var tally = new SimulationTally();
        var latency = new LatencyRecorder();
        host.Bus.Handled += (delivery, elapsed) => latency.Record(delivery.Entity, elapsed);
        var waveOrders = new Dictionary<Guid, SimulatedOrder>();
        host.Bus.Published += message => OnPublished(host, waveOrders, message);
        var carrier = new CarrierScript(host.Carrier, host.Get<CarrierCallbackHandler>(), host.Clock);

        var wall = Stopwatch.StartNew();
        for (var first = 0; first < options.Orders; first += options.WaveSize)
        {
            var wave = Enumerable.Range(first, Math.Min(options.WaveSize, options.Orders - first)).Select(i => NewOrder(i, catalogue)).ToArray();
            lock (waveOrders)
            {
                waveOrders.Clear();
                foreach (var order in wave)
                {
                    waveOrders[order.CartId] = order;
                }
            }

            await RunWaveAsync(host, carrier, wave, tally, cancellationToken).ConfigureAwait(false);
            tally.Record(wave, await StatusesAsync(host, wave, cancellationToken).ConfigureAwait(false));
            host.Workflows.ForgetFinished();
            progress?.Report(first + wave.Length);
        }

        wall.Stop();
        return await SimulationReport.CreateAsync(options, host, tally, latency, wall.Elapsed, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RunWaveAsync(SandboxHost host, CarrierScript carrier, SimulatedOrder[] wave, SimulationTally tally, CancellationToken cancellationToken)
    {
        foreach (var order in wave)
        {
            var items = order.Items.Select(i => new LineItem(i.ProductId, i.Quantity)).ToArray();
            await host.SendAsync(MessageNames.ReserveInventory, ContractJson.Serialize(new ReserveInventory(order.CartId, items, order.CustomerId)), order.CartId.ToString()).ConfigureAwait(false);
        }

        await host.RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
        await CancelAsync(host, wave, CancelTiming.BeforePicking, tally, cancellationToken).ConfigureAwait(false);

        foreach (var job in await host.Floor.WaitingJobsAsync(cancellationToken).ConfigureAwait(false))
        {
            await host.Floor.PickAndPackAsync(job.OrderId, 1 + (job.Lines.Count / 3), cancellationToken).ConfigureAwait(false);
        }

        await host.RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
        await host.AdvanceAsync(TimeSpan.FromHours(2), cancellationToken).ConfigureAwait(false);

        var shipped = wave.Where(o => host.Carrier.ShipmentOf(o.OrderId) is not null).ToArray();
        foreach (var order in shipped)
        {
            await carrier.SendAsync(MessageNames.ShipmentCreated, order.OrderId, null, CallbackSignature.Valid, cancellationToken).ConfigureAwait(false);
        }

        await host.RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
        await CancelAsync(host, shipped, CancelTiming.AfterDispatch, tally, cancellationToken).ConfigureAwait(false);
        await host.AdvanceAsync(TimeSpan.FromDays(1), cancellationToken).ConfigureAwait(false);

        foreach (var order in shipped)
        {
            var (name, body) = order.ShipmentFails
                ? (MessageNames.ShipmentFailed, new JsonObject { ["reason"] = FailureReasons[order.Number % FailureReasons.Length] })
                : (MessageNames.ShipmentDelivered, (JsonObject?)null);
            await carrier.SendAsync(name, order.OrderId, body, CallbackSignature.Valid, cancellationToken).ConfigureAwait(false);
            if (order.ShipmentFails)
            {
                tally.OnCarrierFailureSent();
            }
        }

        await host.RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CancelAsync(
        SandboxHost host, IEnumerable<SimulatedOrder> orders, CancelTiming timing, SimulationTally tally, CancellationToken cancellationToken)
    {
        // Ordering cancels orders it has placed: those whose checkout was reserved and whose workflow started.
        foreach (var order in orders.Where(o => o.Cancel == timing && host.Workflows.Exists(o.OrderId)))
        {
            var cancelled = new OrderCancelled(order.OrderId, CancellationReason.CustomerRequested, host.Clock.GetUtcNow(), order.CustomerId);
            await host.SendAsync(MessageNames.OrderCancelled, ContractJson.Serialize(cancelled), order.OrderId.ToString()).ConfigureAwait(false);
            tally.OnCancellationSent();
        }

        await host.RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyDictionary<Guid, FulfilmentStatus>> StatusesAsync(SandboxHost host, SimulatedOrder[] wave, CancellationToken cancellationToken)
    {
        var statuses = await host.Workflows.StatusesAsync(wave.Select(o => WorkflowInstanceId.For(o.OrderId)), cancellationToken).ConfigureAwait(false);
        return statuses.ToDictionary(s => s.OrderId);
    }

    /// <summary>Ordering's side: a reserved cart becomes an order (order-completed with the reservation and an address).</summary>
    private static void OnPublished(SandboxHost host, Dictionary<Guid, SimulatedOrder> waveOrders, OutgoingMessage message)
    {
        if (message.Name != MessageNames.InventoryReserved)
        {
            return;
        }

        var reserved = ContractJson.Deserialize<InventoryReserved>(message.Body);
        SimulatedOrder? order;
        lock (waveOrders)
        {
            order = reserved.CartId is { } cartId ? waveOrders.GetValueOrDefault(cartId) : null;
        }

        if (order is not null)
        {
            var completed = new OrderCompleted(order.OrderId, order.CustomerId, host.Clock.GetUtcNow(), reserved.ReservationId, order.CartId, Address, ShippingService.Standard);
            // The bus accepts a message synchronously; waiting here keeps a failure visible.
            host.SendAsync(MessageNames.OrderCompleted, ContractJson.Serialize(completed), order.OrderId.ToString()).GetAwaiter().GetResult();
        }
    }

    private SimulatedOrder NewOrder(int number, Catalogue catalogue)
    {
        var key = $"{options.Seed}:{number}";
        var cancelRoll = catalogue.Roll();
        var cancel = cancelRoll >= options.Cancel ? CancelTiming.Never
            : cancelRoll < options.Cancel * 0.75 ? CancelTiming.BeforePicking
            : CancelTiming.AfterDispatch;
        return new SimulatedOrder(
            number,
            MessageIds.DeterministicGuid("sim-cart:" + key),
            MessageIds.DeterministicGuid("sim-order:" + key),
            MessageIds.DeterministicGuid("sim-customer:" + key),
            catalogue.NextCart(),
            cancel,
            catalogue.Roll() < options.CarrierFail);
    }
}
