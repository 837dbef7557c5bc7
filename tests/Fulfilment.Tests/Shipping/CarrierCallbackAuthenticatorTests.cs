using System.Text;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Shipping;

/// <summary>The time window's edges and rotation, on a fake clock.</summary>
public sealed class CarrierCallbackAuthenticatorTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"e","type":"shipment-created","data":{}}""");
    private readonly FakeTimeProvider clock = new(ShippingData.Now);

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Check_ExactlyFiveMinutesOff_Accepted(int seconds)
    {
        var callback = FakeCarrier.Sign(ShippingHost.Secret, Body, ShippingData.Now.AddSeconds(seconds));

        var problem = Authenticator(previous: null).Check(Body, callback.Timestamp, callback.Signature);

        Assert.Null(problem);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Check_JustOverFiveMinutesOff_Rejected(int seconds)
    {
        var callback = FakeCarrier.Sign(ShippingHost.Secret, Body, ShippingData.Now.AddSeconds(seconds));

        var problem = Authenticator(previous: null).Check(Body, callback.Timestamp, callback.Signature);

        Assert.Equal(401, problem?.Status);
    }

    [Fact]
    public void Check_PreviousSecretAfterRotationEnded_Rejected()
    {
        var callback = FakeCarrier.Sign(ShippingHost.PreviousSecret, Body, ShippingData.Now);

        var problem = Authenticator(previous: null).Check(Body, callback.Timestamp, callback.Signature);

        Assert.Equal(401, problem?.Status);
    }

    [Fact]
    public void Check_Rejection_NeverEchoesSecretsOrSignature()
    {
        var callback = FakeCarrier.Sign("wrong-secret-0123456789abcdef", Body, ShippingData.Now);

        var problem = Authenticator(previous: ShippingHost.PreviousSecret).Check(Body, callback.Timestamp, callback.Signature);

        var json = problem!.ToJson();
        Assert.DoesNotContain(ShippingHost.Secret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ShippingHost.PreviousSecret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(callback.Signature[7..], json, StringComparison.Ordinal);
    }

    private CarrierCallbackAuthenticator Authenticator(string? previous) =>
        new(Options.Create(new ShippingOptions { CallbackSecret = ShippingHost.Secret, PreviousCallbackSecret = previous }), clock);
}
