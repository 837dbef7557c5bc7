namespace Fulfilment.Shipping;

/// <summary>
/// A carrier event id already handled for an order (the dedupe row, in the shipment's partition): what it did and
/// which outbox message, if any, it produced.
/// </summary>
public sealed record ProcessedCarrierEvent(
    string EventId,
    string Type,
    CarrierEventDisposition Disposition,
    string Detail,
    DateTimeOffset ReceivedAt,
    string? MessageName);
