namespace Fulfilment.Shipping;

/// <summary>The wire format of carrier callbacks (<c>POST /api/carrier/events</c>); see docs/carrier-integration.md.</summary>
public static class CarrierCallbackHeaders
{
    /// <summary>Unix time in seconds, as decimal digits, when the carrier signed the request.</summary>
    public const string Timestamp = "X-Carrier-Timestamp";

    /// <summary><c>sha256=&lt;hex&gt;</c>: HMAC-SHA256 over <c>timestamp + "." + rawBody</c> with the shared secret.</summary>
    public const string Signature = "X-Carrier-Signature";

    /// <summary>The largest accepted body; larger ones get 413 before anything else is looked at.</summary>
    public const int MaxBodyBytes = 64 * 1024;
}
