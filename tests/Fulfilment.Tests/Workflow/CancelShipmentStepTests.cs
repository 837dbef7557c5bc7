using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Shipping;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>The activity's mapping of <see cref="ShipmentCancellation"/>'s outcomes, over Azurite and the fake host.Carrier.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CancelShipmentStepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ShippingHost host = null!;

    public async Task InitializeAsync() => host = await ShippingHost.WithFakeCarrierAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RunAsync_CarrierCancels_CancelledWithDetail()
    {
        var orderId = await CreatedAsync();

        var result = await new CancelShipmentStep(host.Cancellation).RunAsync(new CancelShipmentStep.Request(orderId, "SHIPMENT_CREATION_TIMEOUT"));

        Assert.Equal(new CancelShipmentStep.Result(ShipmentCancellationOutcome.Cancelled, "no parcel leaves: the shipment is cancelled"), result);
        Assert.Equal("SHIPMENT_CREATION_TIMEOUT", (await host.Store.FindAsync(orderId, CancellationToken.None))!.CancellationReason);
    }

    [Fact]
    public async Task RunAsync_CarrierHasTheParcel_TooLateWithDetail()
    {
        var orderId = await CreatedAsync();
        host.Carrier.PickUp(orderId);

        var result = await new CancelShipmentStep(host.Cancellation).RunAsync(new CancelShipmentStep.Request(orderId, "ORDER_CANCELLED"));

        Assert.Equal(new CancelShipmentStep.Result(ShipmentCancellationOutcome.TooLate, "too late: the carrier has the parcel"), result);
    }

    [Fact]
    public async Task RunAsync_CarrierUnavailable_ThrowsForTheActivityRetry()
    {
        var orderId = await CreatedAsync();
        host.Carrier.ScriptCancel(FakeCarrierReply.Unavailable, FakeCarrierReply.Unavailable, FakeCarrierReply.Unavailable);

        await Assert.ThrowsAsync<HttpRequestException>(() => new CancelShipmentStep(host.Cancellation).RunAsync(new CancelShipmentStep.Request(orderId, "ORDER_CANCELLED")));
    }

    private async Task<Guid> CreatedAsync()
    {
        var orderId = Guid.NewGuid();
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);
        return orderId;
    }
}
