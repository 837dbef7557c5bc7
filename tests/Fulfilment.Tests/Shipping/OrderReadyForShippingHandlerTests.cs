using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Shipping;

[Collection(AzuriteCollection.Name)]
public sealed class OrderReadyForShippingHandlerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ShippingHost host = null!;

    public async Task InitializeAsync() => host = await ShippingHost.StartAsync(azurite, new Uri("http://127.0.0.1:9/"));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task HandleAsync_NewOrder_RecordsRequestedShipment()
    {
        var orderId = Guid.NewGuid();

        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.NotNull(shipment);
        Assert.Equal((ShipmentStatus.Requested, "fake-carrier", ShippingService.Express, 2), (shipment.Status, shipment.Carrier, shipment.Service, shipment.ParcelCount));
    }

    [Fact]
    public async Task HandleAsync_NewOrder_SendsCreateShipmentWithDeterministicId()
    {
        var orderId = Guid.NewGuid();

        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);

        var sent = Assert.Single(host.Publisher.Named(MessageNames.CreateShipment));
        Assert.Equal(MessageIds.For(MessageNames.CreateShipment, orderId.ToString()), sent.MessageId);
        Assert.Equal(orderId.ToString(), sent.CorrelationId);
        Assert.Equal(
            new CreateShipment(orderId, ShippingData.Address(), "fake-carrier", ShippingService.Express, 2),
            host.Publisher.Single<CreateShipment>(MessageNames.CreateShipment));
    }

    [Fact]
    public async Task HandleAsync_NoServiceOrParcelCount_UsesDefaults()
    {
        var orderId = Guid.NewGuid();

        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId, parcelCount: null, service: null), CancellationToken.None);

        var command = host.Publisher.Single<CreateShipment>(MessageNames.CreateShipment);
        Assert.Equal((ShippingService.Standard, 1), (command.Service, command.ParcelCount));
    }

    [Fact]
    public async Task HandleAsync_Redelivered_SendsCommandOnce()
    {
        var message = ShippingData.ReadyForShipping(Guid.NewGuid());
        await host.ReadyForShipping.HandleAsync(message, CancellationToken.None);

        await host.ReadyForShipping.HandleAsync(message, CancellationToken.None);
        await host.ReadyForShipping.HandleAsync(message, CancellationToken.None);

        Assert.Single(host.Publisher.Named(MessageNames.CreateShipment));
    }

    [Fact]
    public async Task HandleAsync_PublishFailedThenRedelivered_SendsCommandOnRedelivery()
    {
        var message = ShippingData.ReadyForShipping(Guid.NewGuid());
        host.Publisher.FailNextWith = new InvalidOperationException("bus down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.ReadyForShipping.HandleAsync(message, CancellationToken.None));

        await host.ReadyForShipping.HandleAsync(message, CancellationToken.None);

        Assert.Single(host.Publisher.Named(MessageNames.CreateShipment));
    }

    [Fact]
    public async Task HandleAsync_CommandSentOnce_CarrierCalledOnce()
    {
        await using var carrier = await FakeCarrier.StartAsync();
        await using var wired = await ShippingHost.StartAsync(azurite, carrier.BaseAddress);
        var message = ShippingData.ReadyForShipping(Guid.NewGuid());
        await wired.ReadyForShipping.HandleAsync(message, CancellationToken.None);
        var command = wired.Publisher.Single<CreateShipment>(MessageNames.CreateShipment);

        await wired.CreateShipment.HandleAsync(command, CancellationToken.None);
        await wired.CreateShipment.HandleAsync(command, CancellationToken.None);

        Assert.Single(carrier.Requests);
    }
}
