namespace Fulfilment.Sandbox.Carrier;

/// <summary>One scripted answer of the <see cref="FakeCarrier"/> to <c>POST /shipments</c> (or to a cancel), after an optional delay.</summary>
public sealed record FakeCarrierReply(int StatusCode, TimeSpan Delay = default, string? Detail = null)
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
}
