using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;
using Polly.Timeout;

namespace Fulfilment.Tests.Shipping;

/// <summary>
/// The carrier client's limits on what it reads, over real HTTP on loopback against the fake carrier on Kestrel: the
/// body is capped (<see cref="CarrierResponseLimit.MaxBytes"/>) and read within the attempt timeout — create-shipment's
/// answer and the cancel call's alike.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CarrierClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeCarrier carrier = null!;
    private ShippingHost host = null!;

    public async Task InitializeAsync()
    {
        carrier = await FakeCarrier.StartAsync();
        host = await ShippingHost.StartAsync(azurite, carrier.BaseAddress, new Dictionary<string, string?>
        {
            ["Shipping:CarrierAttemptTimeout"] = "00:00:01",
            ["Shipping:CarrierTotalTimeout"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await carrier.DisposeAsync();
    }

    [Fact]
    public async Task CreateShipmentAsync_BodyJustUnderCap_IsAccepted()
    {
        carrier.Script(FakeCarrierReply.Oversized(CarrierResponseLimit.MaxBytes - 1024));

        var response = await host.Get<CarrierClient>().CreateShipmentAsync(ShippingData.CreateShipment(Guid.NewGuid()), CancellationToken.None);

        Assert.True(response.IsAccepted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateShipmentAsync_BodyOverCap_ThrowsProtocolExceptionWithoutRetry(bool announceLength)
    {
        carrier.Script(FakeCarrierReply.Oversized(4 * 1024 * 1024, announceLength));

        var error = await Assert.ThrowsAsync<CarrierProtocolException>(
            () => host.Get<CarrierClient>().CreateShipmentAsync(ShippingData.CreateShipment(Guid.NewGuid()), CancellationToken.None));

        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
        Assert.Single(carrier.Requests);
    }

    [Fact]
    public async Task CreateShipmentAsync_BodyStallsLongerThanTheTimeouts_ThrowsTimeout()
    {
        carrier.Script(
            FakeCarrierReply.StalledBody(TimeSpan.FromSeconds(30)),
            FakeCarrierReply.StalledBody(TimeSpan.FromSeconds(30)),
            FakeCarrierReply.StalledBody(TimeSpan.FromSeconds(30)));

        await Assert.ThrowsAsync<TimeoutRejectedException>(
            () => host.Get<CarrierClient>().CreateShipmentAsync(ShippingData.CreateShipment(Guid.NewGuid()), CancellationToken.None));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task CreateShipmentAsync_Redirect_IsNotFollowedSoTheApiKeyStaysWithTheCarrier(int statusCode)
    {
        await using var elsewhere = await FakeCarrier.StartAsync();
        carrier.Script(FakeCarrierReply.Redirect(new Uri(elsewhere.BaseAddress, "shipments"), statusCode));

        var error = await Assert.ThrowsAsync<CarrierProtocolException>(
            () => host.Get<CarrierClient>().CreateShipmentAsync(ShippingData.CreateShipment(Guid.NewGuid()), CancellationToken.None));

        Assert.Contains($"answered {statusCode}", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(carrier.Requests);
    }

    [Fact]
    public async Task CancelShipmentAsync_Redirect_IsNotFollowed()
    {
        await using var elsewhere = await FakeCarrier.StartAsync();
        carrier.ScriptCancel(FakeCarrierReply.Redirect(new Uri(elsewhere.BaseAddress, "shipments/x/cancel")));

        await Assert.ThrowsAsync<CarrierProtocolException>(
            () => host.Get<CarrierClient>().CancelShipmentAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task CancelShipmentAsync_BodyJustUnderCap_IsRead()
    {
        carrier.ScriptCancel(FakeCarrierReply.Ok with { PaddingBytes = CarrierResponseLimit.MaxBytes - 1024 });

        var answer = await host.Get<CarrierClient>().CancelShipmentAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(CarrierCancelAnswer.Cancelled, answer);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CancelShipmentAsync_BodyOverCap_ThrowsProtocolExceptionWithoutRetry(bool announceLength)
    {
        carrier.ScriptCancel(FakeCarrierReply.Ok with { PaddingBytes = 4 * 1024 * 1024, AnnounceLength = announceLength });

        var error = await Assert.ThrowsAsync<CarrierProtocolException>(
            () => host.Get<CarrierClient>().CancelShipmentAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
        Assert.Single(carrier.Requests);
    }

    [Fact]
    public async Task CancelShipmentAsync_BodyStallsLongerThanTheTimeouts_ThrowsTimeout()
    {
        var stalled = FakeCarrierReply.Ok with { BodyPause = TimeSpan.FromSeconds(30) };
        carrier.ScriptCancel(stalled, stalled, stalled);

        await Assert.ThrowsAsync<TimeoutRejectedException>(
            () => host.Get<CarrierClient>().CancelShipmentAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
