using System.Text;
using Fulfilment.Contracts;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Shipping;

/// <summary>Every rejected callback gets its status and problem, and writes or publishes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CarrierCallbackRejectionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Guid orderId = Guid.NewGuid();
    private readonly Guid shipmentId = Guid.NewGuid();
    private ShippingHost host = null!;
    private IReadOnlyList<string> before = [];
    private int messagesBefore;

    public async Task InitializeAsync()
    {
        host = await ShippingHost.StartAsync(azurite, new Uri("http://127.0.0.1:9/"));
        await host.ReadyForShipping.HandleAsync(ShippingData.ReadyForShipping(orderId), CancellationToken.None);
        before = host.Snapshot();
        messagesBefore = host.Publisher.Messages.Count;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task HandleAsync_PreviousSecret_Accepted()
    {
        var callback = FakeCarrier.Callback(ShippingHost.PreviousSecret, "evt-1", MessageNames.ShipmentCreated, Created(), DateTimeOffset.UtcNow);

        var result = await SendAsync(callback);

        Assert.Equal(202, result.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_WrongSecret_Answers401AndChangesNothing()
    {
        var callback = FakeCarrier.Callback("some-other-secret-0123456789", "evt-1", MessageNames.ShipmentCreated, Created(), DateTimeOffset.UtcNow);

        var result = await SendAsync(callback);

        await AssertRejectedAsync(401, result);
    }

    [Fact]
    public async Task HandleAsync_TamperedBody_Answers401AndChangesNothing()
    {
        var callback = Valid();
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(callback.Body).Replace("TRK123", "TRK666", StringComparison.Ordinal));

        var result = await host.Callbacks.HandleAsync(tampered, callback.Timestamp, callback.Signature, CancellationToken.None);

        await AssertRejectedAsync(401, result);
    }

    [Fact]
    public async Task HandleAsync_TimestampChangedAfterSigning_Answers401AndChangesNothing()
    {
        var callback = Valid();
        var otherTimestamp = (long.Parse(callback.Timestamp, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await host.Callbacks.HandleAsync(callback.Body, otherTimestamp, callback.Signature, CancellationToken.None);

        await AssertRejectedAsync(401, result);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task HandleAsync_TimestampMoreThanFiveMinutesOff_Answers401AndChangesNothing(int minutes)
    {
        var callback = FakeCarrier.Callback(ShippingHost.Secret, "evt-1", MessageNames.ShipmentCreated, Created(), DateTimeOffset.UtcNow.AddMinutes(minutes));

        var result = await SendAsync(callback);

        await AssertRejectedAsync(401, result);
    }

    [Theory]
    [InlineData(null, "sig")]
    [InlineData("ts", null)]
    [InlineData("ts", "")]
    [InlineData("ts", "sha256=zz")]
    [InlineData("ts", "md5=0123456789abcdef0123456789abcdef")]
    [InlineData("12x", "sig")]
    public async Task HandleAsync_MissingOrMalformedHeaders_Answers401AndChangesNothing(string? timestamp, string? signature)
    {
        var callback = Valid();

        var result = await host.Callbacks.HandleAsync(
            callback.Body,
            timestamp == "ts" ? callback.Timestamp : timestamp,
            signature == "sig" ? callback.Signature : signature,
            CancellationToken.None);

        await AssertRejectedAsync(401, result);
    }

    [Fact]
    public async Task HandleAsync_BodyOver64KiB_Answers413AndChangesNothing()
    {
        var padded = Encoding.UTF8.GetBytes("{\"eventId\":\"evt-1\",\"type\":\"shipment-created\",\"pad\":\"" + new string('x', 64 * 1024) + "\"}");
        var callback = FakeCarrier.Sign(ShippingHost.Secret, padded, DateTimeOffset.UtcNow);

        var result = await SendAsync(callback);

        await AssertRejectedAsync(413, result);
    }

    [Theory]
    [InlineData("not json at all", "$")]
    [InlineData("[1,2]", "$")]
    [InlineData("""{"type":"shipment-created","data":{}}""", "$.eventId")]
    [InlineData("""{"eventId":"evt 1/#","type":"shipment-created","data":{}}""", "$.eventId")]
    [InlineData("""{"eventId":"evt-1","data":{}}""", "$.type")]
    [InlineData("""{"eventId":"evt-1","type":"shipment-exploded","data":{}}""", "$.type")]
    [InlineData("""{"eventId":"evt-1","type":"shipment-created"}""", "$.data")]
    [InlineData("""{"eventId":"evt-1","type":"shipment-created","data":"x"}""", "$.data")]
    [InlineData("""{"eventId":"evt-1","type":"shipment-created","data":{"shipmentId":"not-a-uuid"}}""", "$.data.shipmentId")]
    [InlineData("""{"eventId":"evt-1","type":"shipment-failed","data":{"reason":"EXPLODED"}}""", "$.data.reason")]
    public async Task HandleAsync_MalformedBody_Answers400NamingTheViolationAndChangesNothing(string json, string path)
    {
        var callback = FakeCarrier.Sign(ShippingHost.Secret, Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow);

        var result = await SendAsync(callback);

        await AssertRejectedAsync(400, result);
        Assert.Contains(result.Problem!.Errors, v => v.Path == path);
    }

    [Fact]
    public async Task HandleAsync_DataMissingRequiredFields_ListsEachUnderData()
    {
        var json = $$$"""{"eventId":"evt-1","type":"shipment-created","data":{"orderId":"{{{orderId}}}","shipmentId":"{{{shipmentId}}}"}}""";
        var callback = FakeCarrier.Sign(ShippingHost.Secret, Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow);

        var result = await SendAsync(callback);

        await AssertRejectedAsync(400, result);
        Assert.Equal(["$.data.createdAt", "$.data.trackingNumber"], result.Problem!.Errors.Select(v => v.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_SeveralEnvelopeViolations_ListsEveryOne()
    {
        var callback = FakeCarrier.Sign(ShippingHost.Secret, Encoding.UTF8.GetBytes("""{"type":"nope"}"""), DateTimeOffset.UtcNow);

        var result = await SendAsync(callback);

        Assert.Equal(["$.data", "$.eventId", "$.type"], result.Problem!.Errors.Select(v => v.Path).Order(StringComparer.Ordinal));
    }

    private ShipmentCreated Created() => ShippingData.Created(orderId, shipmentId);

    private SignedCarrierCallback Valid() =>
        FakeCarrier.Callback(ShippingHost.Secret, "evt-1", MessageNames.ShipmentCreated, Created(), DateTimeOffset.UtcNow);

    private Task<CarrierCallbackResult> SendAsync(SignedCarrierCallback callback) =>
        host.Callbacks.HandleAsync(callback.Body, callback.Timestamp, callback.Signature, CancellationToken.None);

    private async Task AssertRejectedAsync(int status, CarrierCallbackResult result)
    {
        Assert.Equal((status, status), (result.StatusCode, result.Problem?.Status));
        Assert.Equal(before, host.Snapshot());
        Assert.Equal(messagesBefore, host.Publisher.Messages.Count);
        Assert.Equal(ShipmentStatus.Requested, (await host.Store.FindAsync(orderId, CancellationToken.None))!.Status);
    }
}
