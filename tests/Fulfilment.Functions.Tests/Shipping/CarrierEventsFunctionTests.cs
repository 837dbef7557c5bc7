using Fulfilment.Contracts;
using Fulfilment.Functions.Shipping;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Fulfilment.Functions.Tests.Shipping;

/// <summary><c>POST /api/carrier/events</c> with real requests: what is answered, and what is persisted and published.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CarrierEventsFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Address Address = new("1 Quay Street", "Bristol", "BS1 4DJ", "GB");
    private readonly Guid orderId = Guid.NewGuid();
    private readonly Guid shipmentId = Guid.NewGuid();
    private FunctionAppHost app = null!;

    private string Secret => FunctionAppHost.SampleSettings()["Shipping:CallbackSecret"]!;

    public async Task InitializeAsync()
    {
        app = await FunctionAppHost.StartAsync(azurite);
        await app.Get<OrderReadyForShippingHandler>().HandleAsync(new OrderReadyForShipping(orderId, Address, FunctionAppHost.Start), CancellationToken.None);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ReceiveCarrierEvent_SignedShipmentCreated_Answers202PersistsAndPublishes()
    {
        var answer = await SendAsync(Created("evt-1"));

        Assert.Equal((202, ""), (answer.Status, answer.Body));
        var shipment = await app.Get<ShipmentStore>().FindAsync(orderId, CancellationToken.None);
        Assert.Equal((ShipmentStatus.Created, shipmentId), (shipment!.Status, shipment.ShipmentId!.Value));
        Assert.Equal(shipmentId, app.Publisher.Single<ShipmentCreated>(MessageNames.ShipmentCreated).ShipmentId);
    }

    [Fact]
    public async Task ReceiveCarrierEvent_Replayed_Answers202AndHasOneEffect()
    {
        await SendAsync(Created("evt-1"));

        var answer = await SendAsync(Created("evt-1"));

        Assert.Equal(202, answer.Status);
        Assert.Single(app.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task ReceiveCarrierEvent_WrongSignature_Answers401AndChangesNothing()
    {
        var signed = FakeCarrier.Callback("not-the-shared-secret-at-all", "evt-1", MessageNames.ShipmentCreated, CreatedData(), app.Clock.GetUtcNow());

        var answer = await SendAsync(signed);

        Assert.Equal((401, 401), (answer.Status, answer.Problem().Status));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ReceiveCarrierEvent_SignatureHeadersMissing_Answers401AndChangesNothing()
    {
        var signed = Created("evt-1");
        var request = HttpCalls.Request("POST", signed.Body);

        var answer = await app.Function<CarrierEventsFunction>().ReceiveCarrierEvent(request, CancellationToken.None).AnswerAsync(request);

        Assert.Equal(401, answer.Status);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ReceiveCarrierEvent_SignedButBreakingTheContract_Answers400WithEveryViolation()
    {
        var data = new { shipmentId, orderId, createdAt = "yesterday" };
        var signed = FakeCarrier.Callback(Secret, "evt-1", MessageNames.ShipmentCreated, data, app.Clock.GetUtcNow());

        var answer = await SendAsync(signed);

        Assert.Equal(400, answer.Status);
        Assert.Contains("$.data.trackingNumber", answer.ProblemPaths());
        Assert.Contains("$.data.createdAt", answer.ProblemPaths());
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ReceiveCarrierEvent_UnknownOrder_Answers404()
    {
        var data = new ShipmentCreated(shipmentId, Guid.NewGuid(), "TRK1", FunctionAppHost.Start);
        var signed = FakeCarrier.Callback(Secret, "evt-1", MessageNames.ShipmentCreated, data, app.Clock.GetUtcNow());

        var answer = await SendAsync(signed);

        Assert.Equal(404, answer.Status);
        Assert.Empty(app.Publisher.Named(MessageNames.ShipmentCreated));
    }

    [Fact]
    public async Task ReceiveCarrierEvent_ContentLengthOverTheLimit_Answers413WithoutReadingTheBody()
    {
        var request = HttpCalls.Request("POST", body: (byte[]?)null);
        request.ContentLength = CarrierCallbackHeaders.MaxBodyBytes + 1;
        request.Body = new UnreadableStream();

        var answer = await app.Function<CarrierEventsFunction>().ReceiveCarrierEvent(request, CancellationToken.None).AnswerAsync(request);

        Assert.Equal((413, 413), (answer.Status, answer.Problem().Status));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ReceiveCarrierEvent_ChunkedBodyOverTheLimit_Answers413AndChangesNothing()
    {
        var oversized = FakeCarrier.Sign(Secret, new byte[CarrierCallbackHeaders.MaxBodyBytes + 1], app.Clock.GetUtcNow());
        var request = Request(oversized);
        request.ContentLength = null;

        var answer = await app.Function<CarrierEventsFunction>().ReceiveCarrierEvent(request, CancellationToken.None).AnswerAsync(request);

        Assert.Equal(413, answer.Status);
        await AssertNothingChangedAsync();
    }

    private SignedCarrierCallback Created(string eventId) =>
        FakeCarrier.Callback(Secret, eventId, MessageNames.ShipmentCreated, CreatedData(), app.Clock.GetUtcNow());

    private ShipmentCreated CreatedData() => new(shipmentId, orderId, "TRK123", FunctionAppHost.Start);

    private async Task<HttpAnswer> SendAsync(SignedCarrierCallback signed)
    {
        var request = Request(signed);
        return await app.Function<CarrierEventsFunction>().ReceiveCarrierEvent(request, CancellationToken.None).AnswerAsync(request);
    }

    private static HttpRequest Request(SignedCarrierCallback signed) =>
        HttpCalls.Request("POST", signed.Body, headers: new Dictionary<string, string>
        {
            [CarrierCallbackHeaders.Timestamp] = signed.Timestamp,
            [CarrierCallbackHeaders.Signature] = signed.Signature,
        });

    private async Task AssertNothingChangedAsync()
    {
        Assert.Equal(ShipmentStatus.Requested, (await app.Get<ShipmentStore>().FindAsync(orderId, CancellationToken.None))!.Status);
        Assert.Empty(app.Publisher.Named(MessageNames.ShipmentCreated));
    }

    /// <summary>A body that fails the test if anything reads it.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the body was read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the body was read");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the body was read");
    }
}
