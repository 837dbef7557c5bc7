namespace Fulfilment.Contracts;

/// <summary>
/// Fulfilment event, Shipping → workflow: the carrier permanently refused create-shipment (HTTP 400/422).
/// The workflow compensates.
/// </summary>
public sealed record ShipmentRejected(
    Guid OrderId,
    int StatusCode,
    string Reason,
    DateTimeOffset RejectedAt);
