using Fulfilment.Messaging;

namespace Fulfilment.Sandbox.Carrier;

/// <summary>
/// What the <see cref="FakeCarrier"/> knows per Idempotency-Key (the orderId), under one lock so that a create and a
/// cancel for the same key are decided one after the other, as a real carrier's would be: the shipment made for it,
/// whether it was picked up or cancelled (a cancelled key with no shipment is blocked), and the per-order behaviours
/// the scenarios switch on (a 201 without tracking number, unavailability).
/// </summary>
internal sealed class FakeCarrierLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CarrierShipment> shipments = new(StringComparer.Ordinal);
    private readonly HashSet<string> pickedUp = new(StringComparer.Ordinal);
    private readonly HashSet<string> cancelled = new(StringComparer.Ordinal);
    private readonly HashSet<string> withoutTracking = new(StringComparer.Ordinal);
    private readonly HashSet<string> unavailable = new(StringComparer.Ordinal);

    public bool IsUnavailable(string key) => Contains(unavailable, key);

    public bool IsCancelled(string key) => Contains(cancelled, key);

    public void SetUnavailable(string key, bool on) => Mark(unavailable, key, on);

    public void OmitTracking(string key) => Mark(withoutTracking, key, true);

    /// <summary>The key's shipment, made on first use (its tracking number left out when so switched); null when the key is cancelled.</summary>
    public (CarrierShipment Shipment, bool Tracked)? Create(string key)
    {
        lock (gate)
        {
            if (cancelled.Contains(key))
            {
                return null;
            }

            if (!shipments.TryGetValue(key, out var shipment))
            {
                shipment = shipments[key] = CarrierShipment.For(key);
            }

            return (shipment, !withoutTracking.Contains(key));
        }
    }

    /// <summary>Cancels the key (its shipment, or the key itself when none was made yet); false when too late (picked up).</summary>
    public bool Cancel(string key)
    {
        lock (gate)
        {
            if (pickedUp.Contains(key))
            {
                return false;
            }

            cancelled.Add(key);
            return true;
        }
    }

    /// <summary>The carrier takes the parcel; false (and nothing changes) when the key was cancelled first.</summary>
    public bool PickUp(string key)
    {
        lock (gate)
        {
            if (cancelled.Contains(key))
            {
                return false;
            }

            pickedUp.Add(key);
            return true;
        }
    }

    public CarrierShipment? ShipmentOf(string key)
    {
        lock (gate)
        {
            return shipments.GetValueOrDefault(key);
        }
    }

    private bool Contains(HashSet<string> set, string key)
    {
        lock (gate)
        {
            return set.Contains(key);
        }
    }

    private void Mark(HashSet<string> set, string key, bool on)
    {
        lock (gate)
        {
            _ = on ? set.Add(key) : set.Remove(key);
        }
    }
}

/// <summary>A shipment the fake carrier made, with ids derived from the key so that a replayed scenario produces the same output.</summary>
internal sealed record CarrierShipment(Guid ShipmentId, string TrackingNumber)
{
    public static CarrierShipment For(string key) =>
        new(
            MessageIds.DeterministicGuid("fake-carrier-shipment:" + key),
            "TRK" + MessageIds.DeterministicGuid("fake-carrier-tracking:" + key).ToString("N")[..10].ToUpperInvariant());
}
