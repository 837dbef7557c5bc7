using System.Text.Json.Nodes;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Sandbox.Host;
using Fulfilment.Sandbox.Replay;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// The hand-off race, exhaustively, through the whole sandbox (real Shipping, fake carrier over loopback HTTP, the
/// orchestration on the real Durable engine, Table Storage on Azurite): after an order is packed, the five things
/// that can happen to it — ordering cancels it (C), the shipment-creation deadline passes (T), the carrier answers
/// create-shipment with its 201 (A), the carrier calls back shipment-created (R), and shipment-delivered or
/// shipment-failed (X = D or F) — in every order the carrier can produce (it reports only a shipment it has made:
/// A before R and X). 80 interleavings, one order and one product each. For every product: the books balance, and
/// the units of a delivered parcel are off the books (consumed), never available again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HandOffInterleavingTests(AzuriteFixture azurite)
{
    private const int Ordered = 2;
    private const int Initial = 5;

    /// <summary>Every order of C, T, A, R and X with A before R and X, for X = D and X = F.</summary>
    public static IReadOnlyList<string> Interleavings { get; } = Permutations("CTARX")
        .Where(p => p.IndexOf('A', StringComparison.Ordinal) < p.IndexOf('R', StringComparison.Ordinal) && p.IndexOf('A', StringComparison.Ordinal) < p.IndexOf('X', StringComparison.Ordinal))
        .SelectMany(p => new[] { p.Replace('X', 'D'), p.Replace('X', 'F') })
        .ToArray();

    [Fact]
    public void Interleavings_AreEveryCarrierPossibleOrder()
    {
        Assert.Equal(80, Interleavings.Distinct().Count());
    }

    [Fact]
    public async Task HandOff_EveryInterleaving_NoDeliveredUnitIsBackOnSaleAndEveryProductBalances()
    {
        var settings = new SandboxSettings { StorageConnectionString = azurite.ConnectionString, TimeScale = 0.02 / 3600 };
        await using var host = await SandboxHost.StartAsync(settings, CancellationToken.None);
        var runs = Interleavings.Select((events, i) => new Run(events, i)).ToArray();
        await host.SeedStockAsync(runs.Select(r => (r.ProductId, Initial)), CancellationToken.None);
        var carrier = new CarrierScript(host.Carrier, host.Get<CarrierCallbackHandler>(), host.Clock);
        host.Bus.Pause(MessageNames.CreateShipment); // each order's create-shipment waits for its A

        foreach (var run in runs)
        {
            await PlayAsync(host, carrier, run);
        }

        var stock = (await host.Get<StockAdministration>().ListStockAsync(CancellationToken.None)).ToDictionary(s => s.ProductId);
        var broken = runs.Select(run => Check(run, stock[run.ProductId])).OfType<string>().ToArray();
        Assert.True(broken.Length == 0, string.Join(Environment.NewLine, broken));
    }

    private static async Task PlayAsync(SandboxHost host, CarrierScript carrier, Run run)
    {
        var reserve = new ReserveInventory(run.CartId, [new LineItem(run.ProductId, Ordered)], run.CustomerId);
        await host.SendAsync(MessageNames.ReserveInventory, ContractJson.Serialize(reserve));
        await host.RunToQuiescenceAsync(CancellationToken.None);
        var completed = new OrderCompleted(
            run.OrderId, run.CustomerId, host.Clock.GetUtcNow(), null, run.CartId, new Address("1 High St", "Leeds", "LS1 1AA", "GB"));
        await host.SendAsync(MessageNames.OrderCompleted, ContractJson.Serialize(completed));
        await host.RunToQuiescenceAsync(CancellationToken.None);
        await host.Floor.PickAndPackAsync(run.OrderId, 1, CancellationToken.None);
        await host.RunToQuiescenceAsync(CancellationToken.None);
        foreach (var step in run.Events)
        {
            await PlayAsync(host, carrier, run, step);
            await host.RunToQuiescenceAsync(CancellationToken.None);
        }
    }

    private static async Task PlayAsync(SandboxHost host, CarrierScript carrier, Run run, char step)
    {
        switch (step)
        {
            case 'C':
                var cancelled = new OrderCancelled(run.OrderId, CancellationReason.CustomerRequested, host.Clock.GetUtcNow(), run.CustomerId);
                await host.SendAsync(MessageNames.OrderCancelled, ContractJson.Serialize(cancelled));
                break;
            case 'T':
                await host.AdvanceAsync(TimeSpan.FromHours(25), CancellationToken.None);
                break;
            case 'A':
                host.Bus.Resume(MessageNames.CreateShipment);
                await host.RunToQuiescenceAsync(CancellationToken.None);
                host.Bus.Pause(MessageNames.CreateShipment);
                break;
            case 'R':
                await carrier.SendAsync(MessageNames.ShipmentCreated, run.OrderId, null, CallbackSignature.Valid, CancellationToken.None);
                break;
            case 'D':
                await carrier.SendAsync(MessageNames.ShipmentDelivered, run.OrderId, null, CallbackSignature.Valid, CancellationToken.None);
                break;
            default:
                await carrier.SendAsync(MessageNames.ShipmentFailed, run.OrderId, new JsonObject { ["reason"] = "LOST" }, CallbackSignature.Valid, CancellationToken.None);
                break;
        }
    }

    private static string? Check(Run run, StockItem stock)
    {
        if (!stock.IsBalanced || stock.Available < 0 || stock.Reserved < 0)
        {
            return $"{run.Events}: books do not balance (available {stock.Available}, reserved {stock.Reserved}, consumed {stock.Consumed})";
        }

        return run.Events.Contains('D', StringComparison.Ordinal) && (stock.Consumed != Ordered || stock.Available != Initial - Ordered)
            ? $"{run.Events}: the parcel was delivered but its units are not off the books (available {stock.Available}, reserved {stock.Reserved}, consumed {stock.Consumed})"
            : null;
    }

    private static IEnumerable<string> Permutations(string items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations(items.Remove(i, 1)).Select(rest => item + rest));

    private sealed record Run(string Events, int Index)
    {
        public Guid ProductId { get; } = MessageIds.DeterministicGuid($"interleaving-product:{Index}");

        public Guid CartId { get; } = MessageIds.DeterministicGuid($"interleaving-cart:{Index}");

        public Guid OrderId { get; } = MessageIds.DeterministicGuid($"interleaving-order:{Index}");

        public Guid CustomerId { get; } = MessageIds.DeterministicGuid($"interleaving-customer:{Index}");
    }
}
