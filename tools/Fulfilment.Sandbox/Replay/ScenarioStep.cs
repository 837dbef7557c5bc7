using System.Text.Json.Nodes;

namespace Fulfilment.Sandbox.Replay;

/// <summary>One step of a replay scenario. After each step the sandbox runs to quiescence.</summary>
public abstract record ScenarioStep(int Index)
{
    /// <summary>An inbound message: a contract body, or a raw text body for bad-input cases.</summary>
    public sealed record Send(int Index, string Name, string Body) : ScenarioStep(Index);

    /// <summary>The picking floor starts and packs the order's job.</summary>
    public sealed record Pick(int Index, Guid OrderId, int ParcelCount) : ScenarioStep(Index);

    /// <summary>The picking floor reports a short pick on the order's job (first line unless a product is named).</summary>
    public sealed record ShortPick(int Index, Guid OrderId, string Reason, Guid? ProductId, int Picked) : ScenarioStep(Index);

    /// <summary>The fake carrier sends a callback for the shipment it created for the order.</summary>
    public sealed record CarrierCallback(int Index, string Event, Guid OrderId, JsonObject? Body, CallbackSignature Signature) : ScenarioStep(Index);

    /// <summary>From now on the fake carrier answers create-shipment for the order with 422.</summary>
    public sealed record CarrierRejects(int Index, Guid OrderId) : ScenarioStep(Index);

    /// <summary>From now on the fake carrier answers create-shipment for the order with 201 but no tracking number.</summary>
    public sealed record CarrierOmitsTracking(int Index, Guid OrderId) : ScenarioStep(Index);

    /// <summary>From now on the fake carrier answers create-shipment for the order with 503 (until <see cref="CarrierAvailable"/>).</summary>
    public sealed record CarrierUnavailable(int Index, Guid OrderId) : ScenarioStep(Index);

    /// <summary>The fake carrier answers create-shipment for the order normally again.</summary>
    public sealed record CarrierAvailable(int Index, Guid OrderId) : ScenarioStep(Index);

    /// <summary>The fake carrier picks the order's parcel up: a cancel is answered TOO_LATE from now on.</summary>
    public sealed record CarrierPicksUp(int Index, Guid OrderId) : ScenarioStep(Index);

    /// <summary>Moves the virtual clock; due timers fire.</summary>
    public sealed record Advance(int Index, TimeSpan By) : ScenarioStep(Index);
}

/// <summary>How the fake carrier signs a scripted callback.</summary>
public enum CallbackSignature
{
    Valid,
    Invalid,
    Stale,
}
