using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Sandbox.Replay;
using Fulfilment.Shipping;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// The carrier's side after create-shipment: signed callbacks for the shipment the fake carrier made, sent to the
/// real callback handler (what <c>POST /api/carrier/events</c> runs), with ids derived from the order so that a
/// replay is repeatable. A carrier that reports on a parcel has it: sending any callback first marks the shipment
/// picked up at the fake carrier (<see cref="FakeCarrier.PickUp"/>), so a cancel afterwards is answered TOO_LATE.
/// </summary>
public sealed class CarrierScript(FakeCarrier carrier, CarrierCallbackHandler callbacks, TimeProvider clock)
{
    /// <summary>Builds, signs and delivers one callback; <paramref name="overrides"/> are merged into the generated body.</summary>
    public Task<CarrierCallbackResult> SendAsync(
        string eventType,
        Guid orderId,
        JsonObject? overrides,
        CallbackSignature signature,
        CancellationToken cancellationToken)
    {
        carrier.PickUp(orderId);
        var now = clock.GetUtcNow();
        var data = Body(eventType, orderId, now);
        foreach (var (name, value) in overrides ?? [])
        {
            data[name] = value?.DeepClone();
        }

        var eventId = MessageIds.For("carrier-event:" + eventType, orderId.ToString("D") + data.ToJsonString());
        var secret = signature == CallbackSignature.Invalid ? "not-the-shared-secret-at-all" : SandboxHost.CallbackSecret;
        var signedAt = signature == CallbackSignature.Stale ? now.AddMinutes(-10) : now;
        var envelope = new JsonObject { ["eventId"] = eventId, ["type"] = eventType, ["data"] = data };
        var signed = FakeCarrier.Sign(secret, JsonSerializer.SerializeToUtf8Bytes(envelope), signedAt);
        return ClientRetry.RunAsync(() => callbacks.HandleAsync(signed.Body, signed.Timestamp, signed.Signature, cancellationToken));
    }

    private JsonObject Body(string eventType, Guid orderId, DateTimeOffset now)
    {
        var (shipmentId, tracking) = carrier.ShipmentOf(orderId)
            ?? (MessageIds.DeterministicGuid("unknown-shipment:" + orderId.ToString("D")), "UNKNOWN");
        var at = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var body = new JsonObject { ["shipmentId"] = shipmentId.ToString("D"), ["orderId"] = orderId.ToString("D") };
        switch (eventType)
        {
            case MessageNames.ShipmentCreated:
                body["trackingNumber"] = tracking;
                body["carrier"] = "SANDBOX";
                body["estimatedDelivery"] = now.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                body["createdAt"] = at;
                break;
            case MessageNames.ShipmentDelivered:
                body["deliveredAt"] = at;
                break;
            default:
                body["reason"] = "FAILED_DELIVERY";
                body["failedAt"] = at;
                break;
        }

        return body;
    }
}
