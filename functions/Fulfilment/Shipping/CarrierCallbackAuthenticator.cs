using System.Globalization;
using Fulfilment.Http;
using Microsoft.Extensions.Options;

namespace Fulfilment.Shipping;

/// <summary>
/// Authenticates a carrier callback before its body is parsed: the timestamp must be unix seconds within
/// <see cref="ShippingOptions.CallbackTolerance"/> of our clock (past or future), and the signature must match the
/// current or the previous secret. Failures are 401 problems that never echo the signature or a secret.
/// </summary>
public sealed class CarrierCallbackAuthenticator(IOptions<ShippingOptions> options, TimeProvider time)
{
    /// <summary>Null when authentic; otherwise the 401 problem to answer.</summary>
    public Problem? Check(ReadOnlySpan<byte> body, string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return Problem.Unauthorized($"The {CarrierCallbackHeaders.Timestamp} and {CarrierCallbackHeaders.Signature} headers are required.");
        }

        if (timestamp.Length > 11 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return Problem.Unauthorized($"{CarrierCallbackHeaders.Timestamp} must be unix time in seconds.");
        }

        var settings = options.Value;
        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > settings.CallbackTolerance)
        {
            return Problem.Unauthorized($"{CarrierCallbackHeaders.Timestamp} is more than {settings.CallbackTolerance.TotalMinutes:0.#} minutes away from the server's clock.");
        }

        var authentic = CarrierSignature.Matches(signature, settings.CallbackSecret, timestamp, body)
                        || (!string.IsNullOrEmpty(settings.PreviousCallbackSecret)
                            && CarrierSignature.Matches(signature, settings.PreviousCallbackSecret, timestamp, body));
        return authentic ? null : Problem.Unauthorized("The signature does not match the body and timestamp.");
    }
}
