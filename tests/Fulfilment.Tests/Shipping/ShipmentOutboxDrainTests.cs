using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Shipping;

/// <summary>
/// Shipping's outbox with no further call for the order: a message a handler wrote but could not publish is found
/// through its pending marker (no scan of the orders' partitions) and published by the drain, once; a handler that
/// published leaves no marker behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShipmentOutboxDrainTests(AzuriteFixture azurite)
{
    private readonly Guid orderId = Guid.NewGuid();

    [Fact]
    public async Task DrainAsync_CreateShipmentWrittenButNotPublishedAndNeverRedelivered_PublishesItOnce()
    {
        await using var host = await ShippingHost.StartAsync(azurite, new Uri("http://127.0.0.1:9/"));
        host.Publisher.FailNext(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None));

        var first = await host.Get<OutboxDrain>().RunAsync(CancellationToken.None);
        var second = await host.Get<OutboxDrain>().RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(MessageIds.For(MessageNames.CreateShipment, orderId.ToString()), Assert.Single(host.Publisher.Named(MessageNames.CreateShipment)).MessageId);
        Assert.Empty(Markers(host));
    }

    [Fact]
    public async Task DrainAsync_CallbackPublishFailedAndTheCarrierNeverRetried_PublishesTheEventOnce()
    {
        await using var host = await ShippingHost.StartAsync(azurite, new Uri("http://127.0.0.1:9/"));
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        var shipmentId = Guid.NewGuid();
        var callback = FakeCarrier.Callback(ShippingHost.Secret, "evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId), DateTimeOffset.UtcNow);
        host.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, CancellationToken.None));
        host.Publisher.Unavailable = false;

        await using var otherProcess = await ShippingHost.StartAsync(host.Tables, new Uri("http://127.0.0.1:9/"));
        var drained = await otherProcess.Get<OutboxDrain>().RunAsync(CancellationToken.None);

        Assert.Equal(1, drained);
        Assert.Equal(shipmentId, otherProcess.Publisher.Single<ShipmentCreated>(MessageNames.ShipmentCreated).ShipmentId);
        Assert.Empty(Markers(host));
        Assert.Null((await host.Store.FindAsync(orderId, CancellationToken.None))!.Outbox.FirstOrDefault());
    }

    [Fact]
    public async Task HandleAsync_Published_LeavesNoMarkerAndTheDrainPublishesNothing()
    {
        await using var host = await ShippingHost.StartAsync(azurite, new Uri("http://127.0.0.1:9/"));
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);

        var drained = await host.Get<OutboxDrain>().RunAsync(CancellationToken.None);

        Assert.Equal(0, drained);
        Assert.Empty(Markers(host));
        Assert.Single(host.Publisher.Named(MessageNames.CreateShipment));
    }

    [Fact]
    public async Task HandleAsync_RedeliveredOrReplayed_LeavesNoMarkerBehind()
    {
        await using var host = await ShippingHost.StartAsync(azurite, new Uri("http://127.0.0.1:9/"));
        var message = ShippingData.ReadyForShipping(orderId);
        await host.ReadyForShipping.HandleAsync(message, CancellationToken.None);
        var created = FakeCarrier.Callback(ShippingHost.Secret, "evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, Guid.NewGuid()), DateTimeOffset.UtcNow);
        await host.Callbacks.HandleAsync(created.Body, created.Timestamp, created.Signature, CancellationToken.None);
        var before = host.Snapshot();

        await using var otherProcess = await ShippingHost.StartAsync(host.Tables, new Uri("http://127.0.0.1:9/"));
        await otherProcess.ReadyForShipping.HandleAsync(message, CancellationToken.None);
        await otherProcess.Callbacks.HandleAsync(created.Body, created.Timestamp, created.Signature, CancellationToken.None);

        Assert.Equal(before, host.Snapshot());
        Assert.Empty(Markers(host));
    }

    private static IReadOnlyList<string> Markers(ShippingHost host) =>
        host.Snapshot().Where(row => row.StartsWith(ShipmentStore.PendingPartition + "/", StringComparison.Ordinal)).ToArray();
}
