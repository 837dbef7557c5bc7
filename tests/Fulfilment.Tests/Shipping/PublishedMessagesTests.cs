using Fulfilment.Contracts;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Tests.Support;
using NJsonSchema;

namespace Fulfilment.Tests.Shipping;

/// <summary>Every message Shipping publishes validates against its contract's JSON Schema.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedMessagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Publish_EveryShippingMessage_ValidatesAgainstItsSchema()
    {
        await using var carrier = await FakeCarrier.StartAsync();
        await using var host = await ShippingHost.StartAsync(azurite, carrier.BaseAddress);
        await ShipAndDeliverAsync(host, carrier);
        await ShipAndFailAsync(host);
        await RejectAsync(host, carrier);

        var messages = host.Publisher.Messages;

        Assert.Equal(
            [MessageNames.CreateShipment, MessageNames.ShipmentCreated, MessageNames.ShipmentDelivered, MessageNames.ShipmentFailed, MessageNames.ShipmentRejected],
            messages.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal));
        foreach (var message in messages)
        {
            var schema = await JsonSchema.FromJsonAsync(ContractSchemas.Read(message.Name));
            Assert.Empty(schema.Validate(message.Body));
        }
    }

    private static async Task ShipAndDeliverAsync(ShippingHost host, FakeCarrier carrier)
    {
        var orderId = Guid.NewGuid();
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);
        var made = carrier.ShipmentOf(orderId)!.Value;
        await SendAsync(host, "c1", MessageNames.ShipmentCreated, ShippingData.Created(orderId, made.ShipmentId, made.TrackingNumber));
        await SendAsync(host, "d1", MessageNames.ShipmentDelivered, ShippingData.Delivered(orderId, made.ShipmentId));
    }

    private static async Task ShipAndFailAsync(ShippingHost host)
    {
        var orderId = Guid.NewGuid();
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId, parcelCount: null, service: null), CancellationToken.None);
        await SendAsync(host, "f1", MessageNames.ShipmentFailed, ShippingData.Failed(orderId, Guid.NewGuid()));
    }

    private static async Task RejectAsync(ShippingHost host, FakeCarrier carrier)
    {
        var orderId = Guid.NewGuid();
        carrier.Script(FakeCarrierReply.Rejected());
        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);
    }

    private static async Task SendAsync(ShippingHost host, string eventId, string type, object data)
    {
        var callback = FakeCarrier.Callback(ShippingHost.Secret, eventId, type, data, DateTimeOffset.UtcNow);
        var result = await host.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, CancellationToken.None);
        Assert.Equal(202, result.StatusCode);
    }
}
