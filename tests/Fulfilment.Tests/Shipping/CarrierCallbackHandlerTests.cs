using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Shipping;

/// <summary>Accepted callbacks: what they change, what they publish, replays and out-of-order events.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CarrierCallbackHandlerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Guid orderId = Guid.NewGuid();
    private readonly Guid shipmentId = Guid.NewGuid();
    private ShippingHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ShippingHost.StartAsync(azurite, new Uri("http://127.0.0.1:9/"));
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task HandleAsync_ShipmentCreated_Answers202AndRecordsCreated()
    {
        var result = await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal((202, CarrierEventDisposition.Applied), (result.StatusCode, result.Disposition));
        Assert.Equal((ShipmentStatus.Created, shipmentId, "TRK123", new DateOnly(2030, 1, 12)),
            (shipment!.Status, shipment.ShipmentId, shipment.TrackingNumber, shipment.EstimatedDelivery));
    }

    [Fact]
    public async Task HandleAsync_ShipmentCreated_PublishesShipmentCreatedWithCarrierAndDeterministicId()
    {
        await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        var published = Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated));
        Assert.Equal(MessageIds.For(MessageNames.ShipmentCreated, orderId.ToString()), published.MessageId);
        Assert.Equal(ShippingData.Created(orderId, shipmentId) with { Carrier = "fake-carrier" }, ContractJson.Deserialize<ShipmentCreated>(published.Body));
    }

    [Fact]
    public async Task HandleAsync_Delivered_RecordsDeliveredAndPublishes()
    {
        await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        var result = await SendAsync("evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId));

        Assert.Equal(202, result.StatusCode);
        Assert.Equal(ShipmentStatus.Delivered, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Equal(ShippingData.Delivered(orderId, shipmentId), host.Publisher.Single<ShipmentDelivered>(MessageNames.ShipmentDelivered));
    }

    [Fact]
    public async Task HandleAsync_Failed_RecordsFailedWithReasonAndPublishes()
    {
        await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        await SendAsync("evt-2", MessageNames.ShipmentFailed, ShippingData.Failed(orderId, shipmentId, ShipmentFailureReason.ReturnedToSender));

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal((ShipmentStatus.Failed, ShipmentFailureReason.ReturnedToSender), (shipment!.Status, shipment.FailureReason));
        Assert.Equal(ShipmentFailureReason.ReturnedToSender, host.Publisher.Single<ShipmentFailed>(MessageNames.ShipmentFailed).Reason);
    }

    [Fact]
    public async Task HandleAsync_ReplayedEventId_Answers202WithNoSecondEffect()
    {
        var callback = Sign("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));
        await SendAsync(callback);
        var before = host.Snapshot();

        var result = await SendAsync(callback);

        Assert.Equal((202, CarrierEventDisposition.Replayed), (result.StatusCode, result.Disposition));
        Assert.Equal(before, host.Snapshot());
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task HandleAsync_ReplayAfterPublishFailed_PublishesOnReplay()
    {
        var callback = Sign("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));
        host.Publisher.FailNextWith = new InvalidOperationException("bus down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(callback));

        var result = await SendAsync(callback);

        Assert.Equal((202, CarrierEventDisposition.Replayed), (result.StatusCode, result.Disposition));
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task HandleAsync_SameCallbackConcurrently_OneEffect()
    {
        var callback = Sign("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SendAsync(callback))));

        Assert.All(results, r => Assert.Equal(202, r.StatusCode));
        Assert.Single(results, r => r.Disposition == CarrierEventDisposition.Applied);
        // A replay racing the first publish may send the pending outbox message again: always the same MessageId,
        // which Service Bus duplicate detection drops. One effect = one distinct message.
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated).Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task HandleAsync_DeliveredAndFailedConcurrently_ExactlyOneApplied()
    {
        await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        var results = await Task.WhenAll(
            Task.Run(() => SendAsync("evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId))),
            Task.Run(() => SendAsync("evt-3", MessageNames.ShipmentFailed, ShippingData.Failed(orderId, shipmentId))));

        Assert.Single(results, r => r.Disposition == CarrierEventDisposition.Applied);
        Assert.Single(results, r => r.Disposition == CarrierEventDisposition.Ignored);
        Assert.Equal(1, host.Publisher.Named(MessageNames.ShipmentDelivered).Count + host.Publisher.Named(MessageNames.ShipmentFailed).Count);
    }

    [Fact]
    public async Task HandleAsync_SecondCreatedWithAnotherEventId_IgnoredAndNotPublished()
    {
        await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        var result = await SendAsync("evt-2", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId, "TRK999"));

        Assert.Equal((202, CarrierEventDisposition.Ignored), (result.StatusCode, result.Disposition));
        Assert.Equal("TRK123", (await host.Store.FindAsync(orderId, CancellationToken.None))!.TrackingNumber);
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task HandleAsync_DeliveredBeforeCreated_RecordsDeliveredAndPublishesDelivered()
    {
        var result = await SendAsync("evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId));

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal((202, CarrierEventDisposition.Applied), (result.StatusCode, result.Disposition));
        Assert.Equal((ShipmentStatus.Delivered, shipmentId), (shipment!.Status, shipment.ShipmentId));
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentDelivered));
    }

    [Fact]
    public async Task HandleAsync_CreatedAfterDelivered_AcceptedRecordedAndIgnored()
    {
        await SendAsync("evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId));

        var result = await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        Assert.Equal((202, CarrierEventDisposition.Ignored), (result.StatusCode, result.Disposition));
        Assert.Equal(ShipmentStatus.Delivered, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentCreated));
        Assert.Equal(CarrierEventDisposition.Ignored, (await host.Store.FindCarrierEventAsync(orderId, "evt-1", CancellationToken.None))!.Disposition);
    }

    [Fact]
    public async Task HandleAsync_FailedAfterDelivered_IgnoredAndStaysDelivered()
    {
        await SendAsync("evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId));

        var result = await SendAsync("evt-3", MessageNames.ShipmentFailed, ShippingData.Failed(orderId, shipmentId));

        Assert.Equal(CarrierEventDisposition.Ignored, result.Disposition);
        Assert.Equal(ShipmentStatus.Delivered, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentFailed));
    }

    [Fact]
    public async Task HandleAsync_UnknownOrder_Answers404AndChangesNothing()
    {
        var before = host.Snapshot();
        var messages = host.Publisher.Messages.Count;

        var result = await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(Guid.NewGuid(), shipmentId));

        Assert.Equal(404, result.StatusCode);
        Assert.Equal(before, host.Snapshot());
        Assert.Equal(messages, host.Publisher.Messages.Count);
    }

    [Fact]
    public async Task HandleAsync_ShipmentIdNotTheOrders_Answers404AndChangesNothing()
    {
        await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));
        var before = host.Snapshot();

        var result = await SendAsync("evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, Guid.NewGuid()));

        Assert.Equal((404, 404), (result.StatusCode, result.Problem!.Status));
        Assert.Equal(before, host.Snapshot());
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentDelivered));
    }

    [Fact]
    public async Task HandleAsync_CreatedCallbackAfterCarrier201WithTracking_RecordedAndIgnoredOneShipmentCreated()
    {
        await using var carrier = await FakeCarrier.StartAsync();
        await using var wired = await ShippingHost.StartAsync(azurite, carrier.BaseAddress);
        await wired.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        await wired.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);
        var made = carrier.ShipmentOf(orderId)!.Value;

        var callback = FakeCarrier.Callback(ShippingHost.Secret, "evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, made.ShipmentId, made.TrackingNumber), DateTimeOffset.UtcNow);
        var result = await wired.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, CancellationToken.None);

        Assert.Equal((202, CarrierEventDisposition.Ignored), (result.StatusCode, result.Disposition));
        Assert.Equal(CarrierEventDisposition.Ignored, (await wired.Store.FindCarrierEventAsync(orderId, "evt-1", CancellationToken.None))!.Disposition);
        Assert.Equal(made.TrackingNumber, wired.Publisher.Single<ShipmentCreated>(MessageNames.ShipmentCreated).TrackingNumber);
    }

    [Fact]
    public async Task HandleAsync_CreatedCallbackAfterCarrier201WithoutTracking_AppliedAndPublishedOnce()
    {
        await using var carrier = await FakeCarrier.StartAsync();
        await using var wired = await ShippingHost.StartAsync(azurite, carrier.BaseAddress);
        carrier.AnswerWithoutTracking(orderId);
        await wired.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        await wired.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);
        var made = carrier.ShipmentOf(orderId)!.Value;

        var callback = FakeCarrier.Callback(ShippingHost.Secret, "evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, made.ShipmentId, made.TrackingNumber), DateTimeOffset.UtcNow);
        var result = await wired.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, CancellationToken.None);

        Assert.Equal((202, CarrierEventDisposition.Applied), (result.StatusCode, result.Disposition));
        Assert.Equal(made.TrackingNumber, wired.Publisher.Single<ShipmentCreated>(MessageNames.ShipmentCreated).TrackingNumber);
    }

    [Fact]
    public async Task HandleAsync_CreatedAfterCancelled_RecordedAndIgnored()
    {
        await host.Cancellation.CancelAsync(orderId, "order cancelled", CancellationToken.None);

        var result = await SendAsync("evt-1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, shipmentId));

        Assert.Equal((202, CarrierEventDisposition.Ignored), (result.StatusCode, result.Disposition));
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task HandleAsync_DeliveredAfterCancelled_AppliedAndPublishedForReconciliation()
    {
        await host.Cancellation.CancelAsync(orderId, "order cancelled", CancellationToken.None);

        var result = await SendAsync("evt-2", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, shipmentId));

        Assert.Equal((202, CarrierEventDisposition.Applied), (result.StatusCode, result.Disposition));
        Assert.Equal(ShipmentStatus.Delivered, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Equal(ShippingData.Delivered(orderId, shipmentId), host.Publisher.Single<ShipmentDelivered>(MessageNames.ShipmentDelivered));
    }

    private static SignedCarrierCallback Sign(string eventId, string type, object data) =>
        FakeCarrier.Callback(ShippingHost.Secret, eventId, type, data, DateTimeOffset.UtcNow);

    private Task<CarrierCallbackResult> SendAsync(string eventId, string type, object data) => SendAsync(Sign(eventId, type, data));

    private Task<CarrierCallbackResult> SendAsync(SignedCarrierCallback callback) =>
        host.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, CancellationToken.None);
}
