namespace Fulfilment.Tests.Sandbox;

/// <summary>
/// The replay scenarios under Sandbox/Scenarios (copied beside the test binaries): one <c>NAME.json</c> per
/// workflow path of the workflow issue, each with <c>NAME.expected.json</c>, the behaviour the design asks for.
/// </summary>
internal static class ScenarioFiles
{
    /// <summary>Every scenario; each must meet its expectations.</summary>
    public static readonly string[] Passing =
    [
        "happy-path",
        "reservation-missing",
        "reservation-released",
        "reservation-expired",
        "cancelled-before-picking",
        "cancelled-during-picking",
        "cancelled-after-packing",
        "cancelled-after-dispatch",
        "short-pick",
        "picking-timeout",
        "carrier-rejection",
        "shipment-created-timeout",
        "shipment-failed-lost",
        "shipment-failed-damaged",
        "shipment-failed-returned-to-sender",
        "shipment-failed-failed-delivery",
        "delivery-timeout",
        "duplicate-events",
        "early-cancellation",
        "bad-input",
        "delivered-before-created",
        "hand-off-cancelled-before-the-send",
        "hand-off-cancelled-carrier-cancels",
        "hand-off-cancelled-too-late",
        "hand-off-timeout-carrier-has-the-parcel",
        "hand-off-lost-callback",
    ];

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Sandbox", "Scenarios");

    public static string ScenarioPath(string name) => Path.Combine(Folder, name + ".json");

    public static string ExpectedPath(string name) => Path.Combine(Folder, name + ".expected.json");

    public static TheoryData<string> PassingData()
    {
        var data = new TheoryData<string>();
        foreach (var name in Passing)
        {
            data.Add(name);
        }

        return data;
    }
}
