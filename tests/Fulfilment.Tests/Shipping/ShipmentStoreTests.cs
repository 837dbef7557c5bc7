using Azure.Data.Tables;
using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Shipping;

/// <summary>
/// What a shipment's life costs in table requests, and the outbox in the shipment row: the next write drops what is
/// known published, a terminal shipment empties it, another instance publishes what it cannot know was sent. And the
/// remembered rows under cancellation: a stale memory never decides alone whether a parcel leaves.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShipmentStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Guid orderId = Guid.NewGuid();
    private FakeCarrier carrier = null!;

    public async Task InitializeAsync() => carrier = await FakeCarrier.StartAsync();

    public async Task DisposeAsync() => await carrier.DisposeAsync();

    [Fact]
    public async Task DeliveredShipment_OneProcess_SixWritesNoMarkerAndNoRead()
    {
        var counter = new TableOperationCounter();
        await using var host = await ShippingHost.StartAsync(azurite.NewTables(counter), carrier.BaseAddress);
        counter.Reset();

        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None); // insert + create-shipment queued
        await host.CreateShipment.HandleAsync(host.Publisher.Single<CreateShipment>(MessageNames.CreateShipment), CancellationToken.None); // SENDING before the call, then the answer + shipment-created
        var shipmentId = carrier.ShipmentOf(orderId)!.Value.ShipmentId;
        await SendAsync(host, "evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId)); // status checked + event id (recorded and ignored)
        await SendAsync(host, "evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId)); // status + event id + message, then the outbox emptied

        // Every publish succeeded: no pending marker is written (one is only when a publish fails).
        Assert.Equal(new Dictionary<string, long> { ["batch"] = 6 }, counter.Snapshot());
        Assert.Equal([MessageNames.CreateShipment, MessageNames.ShipmentCreated, MessageNames.ShipmentDelivered], host.Publisher.Messages.Select(m => m.Name));
        Assert.Null(ShipmentRow(host).GetString("Outbox"));
    }

    [Fact]
    public async Task Delivered_CreatedPublishedByAnotherInstance_PublishesItAgainWithItsMessageIdThenEmptiesTheOutbox()
    {
        var tables = azurite.NewTables();
        await using var here = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await using var elsewhere = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        var shipmentId = Guid.NewGuid();
        await here.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        await SendAsync(here, "evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        await SendAsync(elsewhere, "evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId));

        // elsewhere cannot know here published shipment-created: it sends it again, with the same MessageId.
        Assert.Equal(
            here.Publisher.Named(MessageNames.ShipmentCreated).Select(m => m.MessageId),
            elsewhere.Publisher.Named(MessageNames.ShipmentCreated).Select(m => m.MessageId));
        Assert.Single(elsewhere.Publisher.Named(MessageNames.ShipmentDelivered));
        Assert.Null(ShipmentRow(here).GetString("Outbox"));
    }

    [Fact]
    public async Task Created_OutboxHoldsTheMessageUntilTheNextWrite()
    {
        await using var host = await ShippingHost.StartAsync(azurite, carrier.BaseAddress);
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);

        await SendAsync(host, "evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, Guid.NewGuid()));

        // create-shipment (published) was dropped by this write; shipment-created waits for the next one.
        var outbox = ShipmentRow(host).GetString("Outbox");
        Assert.Contains(MessageNames.ShipmentCreated, outbox, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageNames.CreateShipment, outbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_RequestedShipmentWrittenHere_OneWriteAndNoRead()
    {
        var counter = new TableOperationCounter();
        await using var host = await ShippingHost.StartAsync(azurite.NewTables(counter), carrier.BaseAddress);
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        counter.Reset();

        var outcome = await host.Cancellation.CancelAsync(orderId, "order cancelled", CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(new Dictionary<string, long> { ["batch"] = 1 }, counter.Snapshot());
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task HandleAsync_CancelledByAnotherInstance_RememberedRequestedNeverReachesTheCarrier()
    {
        var tables = azurite.NewTables();
        await using var here = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await using var elsewhere = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await here.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None); // here remembers REQUESTED
        await elsewhere.Cancellation.CancelAsync(orderId, "order cancelled", CancellationToken.None);

        var outcome = await here.CreateShipment.HandleAsync(here.Publisher.Single<CreateShipment>(MessageNames.CreateShipment), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.Cancelled, outcome);
        Assert.Empty(carrier.Requests);
        Assert.Equal(ShipmentStatus.Cancelled, (await here.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CancelAsync_SentByAnotherInstance_RememberedRequestedAsksTheCarrier()
    {
        var tables = azurite.NewTables();
        await using var here = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await using var elsewhere = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await here.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None); // here remembers REQUESTED
        await elsewhere.CreateShipment.HandleAsync(here.Publisher.Single<CreateShipment>(MessageNames.CreateShipment), CancellationToken.None);

        var outcome = await here.Cancellation.CancelAsync(orderId, "order cancelled", CancellationToken.None);

        var shipment = await here.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Single(carrier.Requests, r => r.Path == $"/shipments/{orderId:D}/cancel");
        Assert.True(carrier.IsCancelled(orderId));
        Assert.Equal((ShipmentStatus.Cancelled, carrier.ShipmentOf(orderId)!.Value.ShipmentId), (shipment!.Status, shipment.ShipmentId!.Value));
    }

    private TableEntity ShipmentRow(ShippingHost host) => host.Table.GetEntity<TableEntity>(orderId.ToString("D"), "shipment").Value;

    private static Task<CarrierCallbackResult> SendAsync(ShippingHost host, string eventId, string type, object data)
    {
        var callback = FakeCarrier.Callback(ShippingHost.Secret, eventId, type, data, DateTimeOffset.UtcNow);
        return host.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, CancellationToken.None);
    }
}
