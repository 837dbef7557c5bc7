using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.CrashBoundaries;

/// <summary>
/// docs/crash-boundaries.md, Shipping: each change and its message are one write of the shipment row (outbox column),
/// preceded by a pending marker; the handler publishes, then deletes the marker. A crash between the write and the
/// publish is completed by another process's drain with no further call; a crash after an external effect (the
/// carrier's create or cancel) and before its write is completed by the retry, which the carrier answers idempotently.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShippingCrashBoundaryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly Guid orderId = Guid.NewGuid();
    private FakeCarrier carrier = null!;

    public async Task InitializeAsync() => carrier = await FakeCarrier.StartAsync();

    public async Task DisposeAsync() => await carrier.DisposeAsync();

    [Fact]
    public async Task ReadyForShipping_WrittenThenCrashBeforePublish_AnotherProcessDrainsCreateShipmentOnce()
    {
        var tables = azurite.NewTables();
        await using var crashed = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        crashed.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashed.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), None));

        await using var restarted = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await restarted.Get<OutboxDrain>().RunAsync(None);
        await restarted.Get<OutboxDrain>().RunAsync(None);

        Assert.Single(restarted.Publisher.Named(MessageNames.CreateShipment));
        Assert.Equal(ShipmentStatus.Requested, (await restarted.Store.FindAsync(orderId, None))!.Status);
    }

    [Fact]
    public async Task CreateShipment_AnswerWrittenThenCrashBeforePublish_DrainPublishesShipmentCreatedOnceAndTheCarrierHasOneShipment()
    {
        var tables = azurite.NewTables();
        await using var crashed = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await crashed.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), None);
        var command = crashed.Publisher.Single<CreateShipment>(MessageNames.CreateShipment);
        crashed.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashed.CreateShipment.HandleAsync(command, None));

        await using var restarted = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await restarted.Get<OutboxDrain>().RunAsync(None);

        Assert.Equal(carrier.ShipmentOf(orderId)!.Value.ShipmentId, restarted.Publisher.Single<ShipmentCreated>(MessageNames.ShipmentCreated).ShipmentId);
        Assert.Single(carrier.Requests, r => r.Method == "POST" && r.Path.EndsWith("/shipments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateShipment_CarrierCalledThenCrashBeforeTheWrite_RedeliveryGetsTheSameShipmentAndPublishesOnce()
    {
        var tables = azurite.NewTables();
        await using var crashed = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await crashed.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), None);
        var command = crashed.Publisher.Single<CreateShipment>(MessageNames.CreateShipment);
        await crashed.Get<CarrierClient>().CreateShipmentAsync(command, None); // reached the carrier; the process stopped before recording it

        await using var restarted = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        var outcome = await restarted.CreateShipment.HandleAsync(command, None);

        Assert.Equal(CreateShipmentOutcome.Created, outcome);
        Assert.Equal(carrier.ShipmentOf(orderId)!.Value.ShipmentId, (await restarted.Store.FindAsync(orderId, None))!.ShipmentId);
        Assert.Single(restarted.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task Callback_WrittenThenCrashBeforePublish_AnotherProcessDrainsTheEventOnce()
    {
        var tables = azurite.NewTables();
        await using var crashed = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await crashed.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), None);
        var shipmentId = Guid.NewGuid();
        crashed.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(crashed, "evt-1", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId)));

        await using var restarted = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await restarted.Get<OutboxDrain>().RunAsync(None);
        await restarted.Get<OutboxDrain>().RunAsync(None);

        Assert.Equal(shipmentId, restarted.Publisher.Single<ShipmentDelivered>(MessageNames.ShipmentDelivered).ShipmentId);
        Assert.Null((await restarted.Store.FindAsync(orderId, None))!.Outbox.FirstOrDefault());
    }

    [Fact]
    public async Task Callback_PublishedThenCrashBeforeThe202_TheCarriersRetryIsAReplayWithTheSameMessageId()
    {
        var tables = azurite.NewTables();
        await using var crashed = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await crashed.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), None);
        var created = ShippingData.Created(orderId, Guid.NewGuid());
        await SendAsync(crashed, "evt-1", MessageNames.ShipmentCreated, created);

        await using var restarted = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        var retried = await SendAsync(restarted, "evt-1", MessageNames.ShipmentCreated, created);

        Assert.Equal((202, CarrierEventDisposition.Replayed), (retried.StatusCode, retried.Disposition));
        var ids = crashed.Publisher.Named(MessageNames.ShipmentCreated).Concat(restarted.Publisher.Named(MessageNames.ShipmentCreated)).Select(m => m.MessageId).Distinct();
        Assert.Single(ids);
    }

    [Fact]
    public async Task Cancel_CarrierCancelledThenCrashBeforeTheWrite_TheRetryRecordsCancelled()
    {
        var tables = azurite.NewTables();
        await using var crashed = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        await crashed.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), None);
        await crashed.CreateShipment.HandleAsync(crashed.Publisher.Single<CreateShipment>(MessageNames.CreateShipment), None);
        Assert.Equal(CarrierCancelAnswer.Cancelled, await crashed.Get<CarrierClient>().CancelShipmentAsync(orderId, None)); // the process stopped before recording it

        await using var restarted = await ShippingHost.StartAsync(tables, carrier.BaseAddress);
        var outcome = await restarted.Cancellation.CancelAsync(orderId, "ORDER_CANCELLED", None);

        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(ShipmentStatus.Cancelled, (await restarted.Store.FindAsync(orderId, None))!.Status);
        Assert.True(carrier.IsCancelled(orderId));
    }

    private static Task<CarrierCallbackResult> SendAsync(ShippingHost host, string eventId, string type, object data)
    {
        var callback = FakeCarrier.Callback(ShippingHost.Secret, eventId, type, data, DateTimeOffset.UtcNow);
        return host.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, None);
    }
}
