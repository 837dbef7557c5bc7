using Fulfilment.Contracts;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Shipping;

/// <summary>
/// A cancellation racing create-shipment, in both orders of their two ETag-guarded writes on a REQUESTED shipment
/// (REQUESTED → CANCELLED and REQUESTED → SENDING: exactly one wins), and at the carrier (a cancel that reaches it
/// before the create blocks the key). The competing writer slips in just before the other's commit.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShipmentCancellationRaceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Reason = "order cancelled: FRAUD";
    private readonly RunBeforeNextBatch race = new();
    private ShippingHost host = null!;

    public async Task InitializeAsync() => host = await ShippingHost.WithFakeCarrierAsync(azurite, azurite.NewTables(azurite.CreateServiceClient(maxRetries: 0, race)));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task CancelAsync_WinsTheWriteBeforeSending_CarrierNeverCalled()
    {
        var orderId = await RequestedAsync();
        var cancelled = new TaskCompletionSource<ShipmentCancellationOutcome>();
        race.Arm(async () => cancelled.SetResult(await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None)));

        var created = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal((ShipmentCancellationOutcome.Cancelled, CreateShipmentOutcome.Cancelled), (await cancelled.Task, created));
        Assert.Equal((ShipmentStatus.Cancelled, (DateTimeOffset?)null), (shipment!.Status, shipment.SendingAt));
        Assert.Empty(host.Carrier.Requests);
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task CancelAsync_SendingWinsTheWrite_CancelGoesToTheCarrier()
    {
        var orderId = await RequestedAsync();
        host.Carrier.Unavailable(orderId);
        race.Arm(() => Assert.ThrowsAsync<HttpRequestException>(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None)));

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(ShipmentStatus.Cancelled, shipment!.Status);
        Assert.NotNull(shipment.SendingAt);
        Assert.Single(host.Carrier.Requests, r => r.Path == $"/shipments/{orderId:D}/cancel");
        Assert.True(host.Carrier.IsCancelled(orderId));
    }

    [Fact]
    public async Task CancelAsync_SendingWonAndCarrierRecovers_RedeliveredCreateNeverReachesTheCarrier()
    {
        var orderId = await RequestedAsync();
        host.Carrier.Unavailable(orderId);
        race.Arm(() => Assert.ThrowsAsync<HttpRequestException>(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None)));
        await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);
        host.Carrier.Available(orderId);
        var requests = host.Carrier.Requests.Count;

        var created = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.Cancelled, created);
        Assert.Equal(requests, host.Carrier.Requests.Count);
        Assert.Null(host.Carrier.ShipmentOf(orderId));
    }

    [Fact]
    public async Task HandleAsync_KeyCancelledAtTheCarrierFirst_Carrier409CancelledRecordsCancelledPublishesNothing()
    {
        var orderId = await RequestedAsync();
        Assert.Equal(CarrierCancelAnswer.Cancelled, await host.Get<CarrierClient>().CancelShipmentAsync(orderId, CancellationToken.None));

        var created = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal(CreateShipmentOutcome.Cancelled, created);
        Assert.Equal(ShipmentStatus.Cancelled, shipment!.Status);
        Assert.Null(host.Carrier.ShipmentOf(orderId));
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentCreated));
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentRejected));
    }

    [Fact]
    public async Task CancelAsync_WhileTheCreateIsAtTheCarrier_KeyBlockedAndTheCreateAnswered409Cancelled()
    {
        var orderId = await RequestedAsync();
        host.Carrier.Script(FakeCarrierReply.Slow(TimeSpan.FromSeconds(4)));
        var create = Task.Run(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));
        await UntilAsync(() => host.Carrier.Requests.Any(r => r.Path == "/shipments"));

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(CreateShipmentOutcome.Cancelled, await create);
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Null(host.Carrier.ShipmentOf(orderId));
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    private async Task<Guid> RequestedAsync()
    {
        var orderId = Guid.NewGuid();
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        return orderId;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
