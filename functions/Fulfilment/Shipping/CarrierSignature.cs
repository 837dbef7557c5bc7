using System.Security.Cryptography;
using System.Text;

namespace Fulfilment.Shipping;

/// <summary>
/// The callback signature: <c>sha256=</c> + lowercase hex of HMAC-SHA256(key = UTF-8 of the secret,
/// data = ASCII timestamp + "." + raw body bytes). Verification compares in constant time.
/// </summary>
public static class CarrierSignature
{
    public const string Scheme = "sha256=";

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>True when <paramref name="header"/> is a well-formed signature made with <paramref name="secret"/>.</summary>
    public static bool Matches(string? header, string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        if (header is null || !header.StartsWith(Scheme, StringComparison.Ordinal) || header.Length != Scheme.Length + 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Scheme.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, timestamp, body));
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
    }
}
