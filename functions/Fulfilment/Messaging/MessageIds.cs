using System.Security.Cryptography;
using System.Text;

namespace Fulfilment.Messaging;

/// <summary>
/// Deterministic identifiers: the same message name and business key always give the same id, so a handler
/// that runs twice publishes the same MessageId and Service Bus duplicate detection drops the second send.
/// </summary>
public static class MessageIds
{
    /// <summary>A name-based UUID (RFC 9562 version 8, SHA-256) of <paramref name="name"/> and <paramref name="key"/>.</summary>
    public static string For(string name, string key) => DeterministicGuid(name + "\n" + key).ToString();

    /// <summary>A name-based UUID (RFC 9562 version 8, SHA-256) of <paramref name="text"/>.</summary>
    public static Guid DeterministicGuid(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
