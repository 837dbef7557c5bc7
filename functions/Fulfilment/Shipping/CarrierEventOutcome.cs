using Fulfilment.Messaging;

namespace Fulfilment.Shipping;

/// <summary>The decision a <see cref="Shipment"/> takes on a carrier event: what happened, why, and what to publish.</summary>
public sealed record CarrierEventOutcome(CarrierEventDisposition Disposition, string Detail, OutgoingMessage? Message)
{
    public static CarrierEventOutcome Applied(string detail, OutgoingMessage message) => new(CarrierEventDisposition.Applied, detail, message);

    public static CarrierEventOutcome Ignored(string detail) => new(CarrierEventDisposition.Ignored, detail, null);

    public static CarrierEventOutcome UnknownShipment(string detail) => new(CarrierEventDisposition.UnknownShipment, detail, null);
}
