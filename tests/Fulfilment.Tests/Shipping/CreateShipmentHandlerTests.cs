using System.Text.Json;
using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;
using Polly.Timeout;

namespace Fulfilment.Tests.Shipping;

/// <summary>The carrier adapter over real HTTP on loopback, against the fake carrier on Kestrel.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CreateShipmentHandlerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeCarrier carrier = null!;
    private ShippingHost host = null!;

    public async Task InitializeAsync()
    {
        carrier = await FakeCarrier.StartAsync();
        host = await ShippingHost.StartAsync(azurite, carrier.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await carrier.DisposeAsync();
    }

    [Fact]
    public async Task HandleAsync_Carrier201_RecordsCreatedWithCarrierIds()
    {
        var orderId = await RequestedAsync(host);

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        var made = carrier.ShipmentOf(orderId)!.Value;
        Assert.Equal(CreateShipmentOutcome.Created, outcome);
        Assert.Equal((ShipmentStatus.Created, made.ShipmentId, made.TrackingNumber, new DateOnly(2030, 1, 15)),
            (shipment!.Status, shipment.ShipmentId, shipment.TrackingNumber, shipment.EstimatedDelivery));
    }

    [Fact]
    public async Task HandleAsync_Carrier201_SendsIdempotencyKeyApiKeyAndContractBody()
    {
        var orderId = await RequestedAsync(host);
        var command = ShippingData.CreateShipment(orderId);

        await host.CreateShipment.HandleAsync(command, CancellationToken.None);

        var request = Assert.Single(carrier.Requests);
        Assert.Equal(("POST", "/shipments"), (request.Method, request.Path));
        Assert.Equal(orderId.ToString(), request.Header("Idempotency-Key"));
        Assert.Equal(ShippingHost.ApiKey, request.Header("X-Api-Key"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(command, ContractJson.Deserialize<CreateShipment>(request.Body));
        Assert.Equal("EXPRESS", JsonDocument.Parse(request.Body).RootElement.GetProperty("service").GetString());
    }

    [Fact]
    public async Task HandleAsync_Carrier201WithTracking_PublishesShipmentCreatedLikeTheCallback()
    {
        var orderId = await RequestedAsync(host);
        var before = DateTimeOffset.UtcNow;

        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var made = carrier.ShipmentOf(orderId)!.Value;
        var published = Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated));
        var created = ContractJson.Deserialize<ShipmentCreated>(published.Body);
        Assert.Equal(MessageIds.For(MessageNames.ShipmentCreated, orderId.ToString()), published.MessageId);
        Assert.Equal((made.ShipmentId, orderId, made.TrackingNumber, "fake-carrier", (DateOnly?)new DateOnly(2030, 1, 15)),
            (created.ShipmentId, created.OrderId, created.TrackingNumber, created.Carrier, created.EstimatedDelivery));
        Assert.InRange(created.CreatedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task HandleAsync_Carrier201Redelivered_ShipmentCreatedPublishedOnce()
    {
        var orderId = await RequestedAsync(host);
        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.AlreadyHandled, outcome);
        Assert.Single(carrier.Requests);
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task HandleAsync_Carrier201WithoutTracking_CreatedAndPublishesNothing()
    {
        var orderId = await RequestedAsync(host);
        carrier.AnswerWithoutTracking(orderId);

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var shipment = await host.Store.FindAsync(orderId, CancellationToken.None);
        Assert.Equal(CreateShipmentOutcome.Created, outcome);
        Assert.Equal((ShipmentStatus.Created, carrier.ShipmentOf(orderId)!.Value.ShipmentId, (string?)null), (shipment!.Status, shipment.ShipmentId, shipment.TrackingNumber));
        Assert.Empty(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task HandleAsync_RedeliveredWhileSending_CallsTheCarrierAgainWithTheSameKey()
    {
        var orderId = await RequestedAsync(host);
        carrier.Unavailable(orderId);
        await Assert.ThrowsAsync<HttpRequestException>(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));
        carrier.Available(orderId);

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.Created, outcome);
        Assert.Equal(4, carrier.Requests.Count); // 3 unavailable attempts, then the redelivery's
        Assert.All(carrier.Requests, r => Assert.Equal(orderId.ToString(), r.Header("Idempotency-Key")));
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Theory]
    [InlineData(422)]
    [InlineData(400)]
    public async Task HandleAsync_CarrierRejects_RecordsRejectedAndPublishesShipmentRejectedWithoutRetry(int status)
    {
        var orderId = await RequestedAsync(host);
        carrier.Script(FakeCarrierReply.Rejected(status, "postcode BS1 4DJ is not served"));

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var rejected = host.Publisher.Single<ShipmentRejected>(MessageNames.ShipmentRejected);
        Assert.Equal(CreateShipmentOutcome.Rejected, outcome);
        Assert.Single(carrier.Requests);
        Assert.Equal((orderId, status, "postcode BS1 4DJ is not served"), (rejected.OrderId, rejected.StatusCode, rejected.Reason));
        Assert.Equal(ShipmentStatus.Rejected, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task HandleAsync_RejectedCommandRedelivered_NoCarrierCallAndOneRejection()
    {
        var orderId = await RequestedAsync(host);
        carrier.Script(FakeCarrierReply.Rejected());
        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.AlreadyHandled, outcome);
        Assert.Single(carrier.Requests);
        Assert.Single(host.Publisher.Named(MessageNames.ShipmentRejected));
    }

    [Fact]
    public async Task HandleAsync_RejectionPublishFailed_RedeliveryPublishesItWithSameMessageId()
    {
        var orderId = await RequestedAsync(host);
        carrier.Script(FakeCarrierReply.Rejected());
        host.Publisher.FailNextWith = new InvalidOperationException("bus down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));

        await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        var published = Assert.Single(host.Publisher.Named(MessageNames.ShipmentRejected));
        Assert.Equal(MessageIds.For(MessageNames.ShipmentRejected, orderId.ToString()), published.MessageId);
        Assert.Single(carrier.Requests);
    }

    [Fact]
    public async Task HandleAsync_Carrier500Then201_RetriesWithSameIdempotencyKey()
    {
        var orderId = await RequestedAsync(host);
        carrier.Script(FakeCarrierReply.ServerError, FakeCarrierReply.Created);

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.Created, outcome);
        Assert.Equal([orderId.ToString(), orderId.ToString()], carrier.Requests.Select(r => r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task HandleAsync_Carrier500Always_ThrowsAfterRetriesAndStaysSending()
    {
        var orderId = await RequestedAsync(host);
        carrier.Script(FakeCarrierReply.ServerError, FakeCarrierReply.ServerError, FakeCarrierReply.ServerError, FakeCarrierReply.ServerError);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, carrier.Requests.Count); // 1 attempt + CarrierMaxRetries (2)
        Assert.Equal(ShipmentStatus.Sending, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task HandleAsync_CarrierAnswers401_ThrowsWithoutRetry()
    {
        var orderId = await RequestedAsync(host);
        carrier.Script(new FakeCarrierReply(401, Detail: "bad key"));

        await Assert.ThrowsAsync<CarrierProtocolException>(() => host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));

        Assert.Single(carrier.Requests);
    }

    [Fact]
    public async Task HandleAsync_SlowFirstAttempt_TimesOutAndRetries()
    {
        await using var quick = await ShippingHost.StartAsync(azurite, carrier.BaseAddress, new Dictionary<string, string?> { ["Shipping:CarrierAttemptTimeout"] = "00:00:01" });
        var orderId = await RequestedAsync(quick);
        carrier.Script(FakeCarrierReply.Slow(TimeSpan.FromSeconds(30)), FakeCarrierReply.Created);

        var outcome = await quick.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.Created, outcome);
        Assert.Equal(2, carrier.Requests.Count);
    }

    [Fact]
    public async Task HandleAsync_CarrierSlowerThanOverallTimeout_ThrowsAndStaysSending()
    {
        await using var quick = await ShippingHost.StartAsync(azurite, carrier.BaseAddress, new Dictionary<string, string?>
        {
            ["Shipping:CarrierAttemptTimeout"] = "00:00:01",
            ["Shipping:CarrierTotalTimeout"] = "00:00:01.500",
        });
        var orderId = await RequestedAsync(quick);
        carrier.Script(FakeCarrierReply.Slow(TimeSpan.FromSeconds(30)), FakeCarrierReply.Slow(TimeSpan.FromSeconds(30)), FakeCarrierReply.Slow(TimeSpan.FromSeconds(30)));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => quick.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None));

        Assert.Equal(ShipmentStatus.Sending, (await quick.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task HandleAsync_CommandWithoutRecordedShipment_RecordsAndCreates()
    {
        var orderId = Guid.NewGuid();

        var outcome = await host.CreateShipment.HandleAsync(ShippingData.CreateShipment(orderId), CancellationToken.None);

        Assert.Equal(CreateShipmentOutcome.Created, outcome);
        Assert.Equal(ShipmentStatus.Created, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }

    private static async Task<Guid> RequestedAsync(ShippingHost target)
    {
        var orderId = Guid.NewGuid();
        await target.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        return orderId;
    }
}
