using Fulfilment.Contracts;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Shipping;

/// <summary>
/// Every branch of <see cref="ShipmentCancellation"/>, over Azurite and the fake carrier on loopback HTTP: Cancelled
/// only when it is certain that no parcel leaves.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShipmentCancellationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Reason = "order cancelled: CUSTOMER_REQUESTED";
    private ShippingHost host = null!;

    public async Task InitializeAsync() => host = await ShippingHost.WithFakeCarrierAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task CancelAsync_NoShipment_LeavesCancelledTombstoneWithoutCallingTheCarrier()
    {
        var orderId = Guid.NewGuid();

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal((ShipmentStatus.Cancelled, Reason), (shipment!.Status, shipment.CancellationReason));
        Assert.Empty(host.Carrier.Requests);
    }

    [Fact]
    public async Task CancelAsync_Tombstone_LateReadyForShippingRequestsNoShipment()
    {
        var orderId = Guid.NewGuid();
        await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);

        Assert.Empty(host.Publisher.Named(MessageNames.CreateShipment));
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CancelAsync_Tombstone_CreateShipmentSentByHandNeverReachesTheCarrier()
    {
        var orderId = Guid.NewGuid();
        await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.Cancelled, outcome);
        Assert.Empty(host.Carrier.Requests);
    }

    [Fact]
    public async Task CancelAsync_Requested_CancelledAndTheQueuedCreateShipmentNeverReachesTheCarrier()
    {
        var orderId = await RequestedAsync();

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);
        var created = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal((ShipmentCancellationOutcome.Cancelled, CreateShipmentOutcome.Cancelled), (outcome, created));
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Empty(host.Carrier.Requests);
    }

    [Fact]
    public async Task CancelAsync_SendingAndCarrierCancels_CancelledAndKeyBlocked()
    {
        var orderId = await SendingAsync();

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.True(host.Carrier.IsCancelled(orderId));
    }

    [Fact]
    public async Task CancelAsync_Created_CarrierCancelsSendingTheDocumentedRequest()
    {
        var orderId = await CreatedAsync();

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        var request = host.Carrier.Requests[^1];
        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(("POST", $"/shipments/{orderId:D}/cancel", ShippingHost.ApiKey), (request.Method, request.Path, request.Header("X-Api-Key")));
        Assert.Equal(("", "0"), (request.Body, request.Header("Content-Length")));
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CancelAsync_CreatedAndPickedUp_TooLateRecordedStatusUnchanged()
    {
        var orderId = await CreatedAsync();
        host.Carrier.PickUp(orderId);

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal(ShipmentCancellationOutcome.TooLate, outcome);
        Assert.Equal((ShipmentStatus.Created, Reason), (shipment!.Status, shipment.CancellationReason));
        Assert.NotNull(shipment.CancellationRefusedAt);
    }

    [Fact]
    public async Task CancelAsync_TooLateAskedAgain_TooLateWithoutAskingTheCarrierAgain()
    {
        var orderId = await CreatedAsync();
        host.Carrier.PickUp(orderId);
        await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);
        var requests = host.Carrier.Requests.Count;
        var before = host.Snapshot();

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.TooLate, outcome);
        Assert.Equal(requests, host.Carrier.Requests.Count);
        Assert.Equal(before, host.Snapshot());
    }

    [Fact]
    public async Task CancelAsync_AlreadyCancelled_CancelledAndNothingWritten()
    {
        var orderId = await CreatedAsync();
        await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);
        var requests = host.Carrier.Requests.Count;
        var before = host.Snapshot();

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(requests, host.Carrier.Requests.Count);
        Assert.Equal(before, host.Snapshot());
    }

    [Fact]
    public async Task CancelAsync_Rejected_CancelledWithoutCallingTheCarrier()
    {
        var orderId = await RequestedAsync();
        host.Carrier.Script(FakeCarrierReply.Rejected());
        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(ShipmentStatus.Rejected, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Single(host.Carrier.Requests);
    }

    [Theory]
    [InlineData(MessageNames.ShipmentDelivered)]
    [InlineData(MessageNames.ShipmentFailed)]
    public async Task CancelAsync_DeliveredOrFailed_TooLateWithoutCallingTheCarrier(string callback)
    {
        var orderId = await CreatedAsync();
        var made = host.Carrier.ShipmentOf(orderId)!.Value;
        object data = callback == MessageNames.ShipmentDelivered ? ShippingData.Delivered(orderId, made.ShipmentId) : ShippingData.Failed(orderId, made.ShipmentId);
        var signed = FakeCarrier.Callback(ShippingHost.Secret, "evt-end", callback, data, DateTimeOffset.UtcNow);
        await host.Callbacks.HandleAsync(signed.Body, signed.Timestamp, signed.Signature, CancellationToken.None);
        var requests = host.Carrier.Requests.Count;

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.TooLate, outcome);
        Assert.Equal(requests, host.Carrier.Requests.Count);
    }

    [Fact]
    public async Task CancelAsync_CarrierFailsEveryRetry_ThrowsAndChangesNothing()
    {
        var orderId = await CreatedAsync();
        host.Carrier.ScriptCancel(FakeCarrierReply.ServerError, FakeCarrierReply.ServerError, FakeCarrierReply.ServerError);
        var before = host.Snapshot();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(before, host.Snapshot());
        Assert.False(host.Carrier.IsCancelled(orderId));
    }

    [Fact]
    public async Task CancelAsync_CarrierFailsOnceThenCancels_Cancelled()
    {
        var orderId = await CreatedAsync();
        host.Carrier.ScriptCancel(FakeCarrierReply.ServerError);

        var outcome = await host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None);

        Assert.Equal(ShipmentCancellationOutcome.Cancelled, outcome);
        Assert.Equal(2, host.Carrier.Requests.Count(r => r.Path.EndsWith("/cancel", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CancelAsync_CarrierAnswersUndocumented_ThrowsProtocolFaultAndChangesNothing()
    {
        var orderId = await CreatedAsync();
        host.Carrier.ScriptCancel(new FakeCarrierReply(404, Detail: "no such route"));
        var before = host.Snapshot();

        await Assert.ThrowsAsync<CarrierProtocolException>(() => host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None));

        Assert.Equal(before, host.Snapshot());
    }

    [Fact]
    public async Task CancelAsync_CalledConcurrently_OneOutcomeForAll()
    {
        var orderId = await CreatedAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => host.Cancellation.CancelAsync(orderId, Reason, CancellationToken.None))));

        Assert.All(outcomes, o => Assert.Equal(ShipmentCancellationOutcome.Cancelled, o));
        Assert.Equal(ShipmentStatus.Cancelled, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CancelAsync_BlankReason_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => host.Cancellation.CancelAsync(Guid.NewGuid(), " ", CancellationToken.None));
    }

    private async Task<Guid> RequestedAsync()
    {
        var orderId = Guid.NewGuid();
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        return orderId;
    }

    /// <summary>SENDING: the create-shipment call was made but the carrier never answered it (unavailable).</summary>
    private async Task<Guid> SendingAsync()
    {
        var orderId = await RequestedAsync();
        host.Carrier.Unavailable(orderId);
        await Assert.ThrowsAsync<HttpRequestException>(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));
        host.Carrier.Available(orderId);
        Assert.Equal(ShipmentStatus.Sending, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
        return orderId;
    }

    private async Task<Guid> CreatedAsync()
    {
        var orderId = await RequestedAsync();
        Assert.Equal(CreateShipmentOutcome.Created, await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));
        return orderId;
    }
}
