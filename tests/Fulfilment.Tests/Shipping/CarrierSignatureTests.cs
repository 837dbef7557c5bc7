using System.Text;
using Fulfilment.Shipping;

namespace Fulfilment.Tests.Shipping;

public sealed class CarrierSignatureTests
{
    // Computed with: printf '%s' '1767225600.{...}' | openssl dgst -sha256 -hmac 'docs-example-secret-0123456789'
    private const string Secret = "docs-example-secret-0123456789";
    private const string Timestamp = "1767225600";
    private const string Body = """{"eventId":"evt-0001","type":"shipment-delivered","data":{}}""";
    private const string Expected = "sha256=c94adf5d67e62bf2772e93213d17fe45e60714957732781a51fa6695d7e60bb3";

    [Fact]
    public void Compute_DocumentedExample_MatchesOpenSsl()
    {
        var signature = CarrierSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(Expected, signature);
    }

    [Fact]
    public void Matches_UpperCaseHex_Accepted()
    {
        var upper = "sha256=" + Expected["sha256=".Length..].ToUpperInvariant();

        var matches = CarrierSignature.Matches(upper, Secret, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.True(matches);
    }

    [Fact]
    public void Matches_OneBitOff_Rejected()
    {
        var wrong = Expected[..^1] + "2";

        var matches = CarrierSignature.Matches(wrong, Secret, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.False(matches);
    }
}
