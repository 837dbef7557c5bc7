using Fulfilment.Contracts;
using Fulfilment.Functions.Shipping;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Functions.Tests.Shipping;

/// <summary>Every delivery path of order-ready-for-shipping and create-shipment through the code their triggers call.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShippingMessagesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Address Address = new("1 Quay Street", "Bristol", "BS1 4DJ", "GB");
    private readonly RecordingMessageActions actions = new();
    private readonly Guid orderId = Guid.NewGuid();
    private FakeCarrier carrier = null!;
    private FunctionAppHost app = null!;

    public async Task InitializeAsync()
    {
        carrier = await FakeCarrier.StartAsync();
        app = await FunctionAppHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Shipping__CarrierBaseUrl"] = carrier.BaseAddress.ToString(),
            // The carrier's resilience pipeline takes its delays from the app's clock, here a fake one that only moves
            // when told to: retry at once.
            ["Shipping__CarrierRetryDelay"] = "00:00:00",
            ["Shipping__CarrierMaxRetries"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await carrier.DisposeAsync();
    }

    [Fact]
    public async Task OrderReadyForShippingAsync_NewOrder_RecordsTheShipmentSendsCreateShipmentAndCompletes()
    {
        var ready = new OrderReadyForShipping(orderId, Address, FunctionAppHost.Start, ParcelCount: 2, Service: ShippingService.Express);

        await app.Function<ShippingMessages>().OrderReadyForShippingAsync(ReceivedMessages.Of(ready), actions, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal(ShipmentStatus.Requested, (await app.Get<ShipmentStore>().FindAsync(orderId, CancellationToken.None))!.Status);
        var command = app.Publisher.Single<CreateShipment>(MessageNames.CreateShipment);
        Assert.Equal((orderId, Address, 2), (command.OrderId, command.Destination, command.ParcelCount));
    }

    [Fact]
    public async Task OrderReadyForShippingAsync_DeliveredTwice_SendsOneCreateShipment()
    {
        var message = ReceivedMessages.Of(new OrderReadyForShipping(orderId, Address, FunctionAppHost.Start), messageId: "ready-1");
        var shipping = app.Function<ShippingMessages>();

        await shipping.OrderReadyForShippingAsync(message, actions, CancellationToken.None);
        await shipping.OrderReadyForShippingAsync(message, actions, CancellationToken.None);

        Assert.Equal([SettledMessage.Completed, SettledMessage.Completed], actions.Settled.Select(s => s.Kind));
        Assert.Single(app.Publisher.Named(MessageNames.CreateShipment));
    }

    [Fact]
    public async Task OrderReadyForShippingAsync_AddressMissing_DeadLettersAndRecordsNothing()
    {
        var body = $$"""{"orderId":"{{orderId}}","readyAt":"2030-03-04T09:00:00Z"}""";

        await app.Function<ShippingMessages>().OrderReadyForShippingAsync(ReceivedMessages.WithBody(body), actions, CancellationToken.None);

        Assert.Equal((SettledMessage.DeadLettered, DeadLetterReasons.ContractViolation), (actions.Single.Kind, actions.Single.Reason));
        Assert.Contains("$.shippingAddress", actions.Single.Description, StringComparison.Ordinal);
        Assert.Null(await app.Get<ShipmentStore>().FindAsync(orderId, CancellationToken.None));
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task CreateShipmentAsync_CarrierAccepts_RecordsTheCarriersShipmentAndCompletes()
    {
        await app.Function<ShippingMessages>().CreateShipmentAsync(ReceivedMessages.Of(new CreateShipment(orderId, Address)), actions, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        var shipment = await app.Get<ShipmentStore>().FindAsync(orderId, CancellationToken.None);
        Assert.Equal((ShipmentStatus.Created, carrier.ShipmentOf(orderId)!.Value.ShipmentId), (shipment!.Status, shipment.ShipmentId!.Value));
    }

    [Fact]
    public async Task CreateShipmentAsync_DeliveredTwice_CallsTheCarrierOnce()
    {
        var message = ReceivedMessages.Of(new CreateShipment(orderId, Address), messageId: "create-1");
        var shipping = app.Function<ShippingMessages>();

        await shipping.CreateShipmentAsync(message, actions, CancellationToken.None);
        await shipping.CreateShipmentAsync(message, actions, CancellationToken.None);

        Assert.Equal([SettledMessage.Completed, SettledMessage.Completed], actions.Settled.Select(s => s.Kind));
        Assert.Single(carrier.Requests);
    }

    [Fact]
    public async Task CreateShipmentAsync_CarrierRejects_PublishesShipmentRejectedAndCompletes()
    {
        carrier.RejectOrder(orderId, FakeCarrierReply.Rejected(422, "postcode is not served"));

        await app.Function<ShippingMessages>().CreateShipmentAsync(ReceivedMessages.Of(new CreateShipment(orderId, Address)), actions, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal(422, app.Publisher.Single<ShipmentRejected>(MessageNames.ShipmentRejected).StatusCode);
    }

    [Fact]
    public async Task CreateShipmentAsync_CarrierKeepsFailing_PropagatesUnsettled()
    {
        carrier.Script(FakeCarrierReply.ServerError, FakeCarrierReply.ServerError);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            app.Function<ShippingMessages>().CreateShipmentAsync(ReceivedMessages.Of(new CreateShipment(orderId, Address)), actions, CancellationToken.None));

        Assert.Empty(actions.Settled);
        Assert.Equal(ShipmentStatus.Sending, (await app.Get<ShipmentStore>().FindAsync(orderId, CancellationToken.None))!.Status); // written before the call; no answer recorded
    }

    [Fact]
    public async Task CreateShipmentAsync_ContractBroken_DeadLettersAndCallsNoCarrier()
    {
        var body = $$"""{"orderId":"{{orderId}}","destination":{"line1":"1 Quay Street","city":"Bristol","postcode":"BS1 4DJ","country":"gb"},"service":"SLOW"}""";

        await app.Function<ShippingMessages>().CreateShipmentAsync(ReceivedMessages.WithBody(body), actions, CancellationToken.None);

        Assert.Equal(DeadLetterReasons.ContractViolation, actions.Single.Reason);
        Assert.Contains("$.destination.country", actions.Single.Description, StringComparison.Ordinal);
        Assert.Contains("$.service", actions.Single.Description, StringComparison.Ordinal);
        Assert.Empty(carrier.Requests);
    }
}
