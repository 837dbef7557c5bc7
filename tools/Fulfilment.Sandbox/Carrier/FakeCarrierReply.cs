namespace Fulfilment.Sandbox.Carrier;

/// <summary>
/// One scripted answer of the <see cref="FakeCarrier"/> to <c>POST /shipments</c> (or to a cancel), after an optional
/// delay. A 201 (or a cancel's answer) may carry <paramref name="PaddingBytes"/> of filler in its JSON body, with or
/// without a Content-Length, and may pause <paramref name="BodyPause"/> halfway through its body. A redirect carries
/// its <paramref name="Location"/>.
/// </summary>
public sealed record FakeCarrierReply(
    int StatusCode,
    TimeSpan Delay = default,
    string? Detail = null,
    int PaddingBytes = 0,
    bool AnnounceLength = true,
    TimeSpan BodyPause = default,
    Uri? Location = null)
{
    /// <summary>201 with a shipment id, a tracking number and an estimated delivery (the same ones for a repeated key).</summary>
    public static FakeCarrierReply Created { get; } = new(201);

    /// <summary>To a cancel: answer as the carrier's state says (CANCELLED, or TOO_LATE once picked up).</summary>
    public static FakeCarrierReply Ok { get; } = new(200);

    public static FakeCarrierReply ServerError { get; } = new(500, Detail: "carrier is having a bad day");

    /// <summary>503, what an order the carrier is unavailable for gets (<see cref="FakeCarrier.Unavailable"/>).</summary>
    public static FakeCarrierReply Unavailable { get; } = new(503, Detail: "carrier unavailable");

    public static FakeCarrierReply Rejected(int statusCode = 422, string detail = "postcode is not served") => new(statusCode, Detail: detail);

    /// <summary>201, after <paramref name="delay"/> (longer than the client's attempt timeout, it makes a timeout).</summary>
    public static FakeCarrierReply Slow(TimeSpan delay) => new(201, delay);

    /// <summary>A valid 201 body made about <paramref name="bytes"/> long by a filler field; chunked when not <paramref name="announceLength"/>.</summary>
    public static FakeCarrierReply Oversized(int bytes, bool announceLength = true) => new(201, PaddingBytes: bytes, AnnounceLength: announceLength);

    /// <summary>A redirect (307 keeps the method and body) to <paramref name="location"/>.</summary>
    public static FakeCarrierReply Redirect(Uri location, int statusCode = 307) => new(statusCode, Detail: "moved", Location: location);

    /// <summary>A 201 whose headers come at once and whose body stops halfway for <paramref name="pause"/>.</summary>
    public static FakeCarrierReply StalledBody(TimeSpan pause) => new(201, BodyPause: pause);
}
