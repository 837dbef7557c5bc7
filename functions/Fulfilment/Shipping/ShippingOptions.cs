using System.ComponentModel.DataAnnotations;
using Fulfilment.Contracts;

namespace Fulfilment.Shipping;

/// <summary>
/// Shipping settings (section "Shipping"). <see cref="CarrierApiKey"/>, <see cref="CallbackSecret"/> and
/// <see cref="PreviousCallbackSecret"/> are secrets: Key Vault references in Azure, never logged. To rotate the
/// callback secret, move the current one to <see cref="PreviousCallbackSecret"/>, set the new one, then tell the
/// carrier; both are accepted until the previous one is removed.
/// </summary>
public sealed class ShippingOptions
{
    public const string Section = "Shipping";

    /// <summary>What a start with a plain-http carrier address off loopback fails with.</summary>
    public const string CarrierBaseUrlRule =
        "Shipping:CarrierBaseUrl must be an https:// address: the API key travels with every request. " +
        "Plain http:// is allowed only for a loopback host (localhost, 127.0.0.0/8, [::1]), i.e. local development.";

    /// <summary>
    /// The carrier API's base address; create-shipment is <c>POST {CarrierBaseUrl}/shipments</c>. Must be https,
    /// except on a loopback host (<see cref="IsAllowedCarrierBaseUrl"/>).
    /// </summary>
    [Required, Url]
    public string CarrierBaseUrl { get; set; } = "";

    [Required]
    public string CarrierApiKey { get; set; } = "";

    /// <summary>The request header carrying <see cref="CarrierApiKey"/>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9-]{1,64}$")]
    public string CarrierApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Written into create-shipment's <c>carrier</c> field and the shipment.</summary>
    [Required, StringLength(64)]
    public string CarrierName { get; set; } = "";

    /// <summary>The service when order-ready-for-shipping names none.</summary>
    public ShippingService DefaultService { get; set; } = ShippingService.Standard;

    /// <summary>The HMAC key the carrier signs callbacks with (UTF-8 bytes of this string).</summary>
    [Required, MinLength(16)]
    public string CallbackSecret { get; set; } = "";

    /// <summary>The secret being rotated out, still accepted; empty when no rotation is under way.</summary>
    public string? PreviousCallbackSecret { get; set; }

    /// <summary>How far a callback's timestamp may be from our clock, in the past or the future.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:15:00")]
    public TimeSpan CallbackTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one HTTP attempt to the carrier.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan CarrierAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of the whole call, retries included; keep it well under the Service Bus lock (60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CarrierTotalTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Retries after the first attempt, on 5xx, 408, 429, network errors and attempt timeouts.</summary>
    [Range(1, 10)]
    public int CarrierMaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles each retry, with jitter (a Retry-After header wins).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CarrierRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// True for an absolute https address, or an http address whose host is loopback. "Local development" is
    /// recognised by the address alone, never by an environment name that a misconfigured deployment could carry:
    /// a loopback address cannot reach a real carrier, so allowing http there exposes nothing.
    /// </summary>
    public static bool IsAllowedCarrierBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>
    /// True when App Service could not resolve a Key Vault reference and handed the app the reference text itself:
    /// such a value must never be used as a secret (anyone who knows the vault name could sign callbacks with it).
    /// </summary>
    public static bool IsUnresolvedKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
