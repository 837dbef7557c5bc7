namespace Fulfilment.Sandbox.Carrier;

/// <summary>A carrier callback as it goes on the wire: the raw body and the two signature headers' values.</summary>
public sealed record SignedCarrierCallback(byte[] Body, string Timestamp, string Signature);
