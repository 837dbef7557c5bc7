namespace Fulfilment.Sandbox.Carrier;

/// <summary>A request the <see cref="FakeCarrier"/> received: method, path, headers (names lower-case) and body.</summary>
public sealed record ReceivedCarrierRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
