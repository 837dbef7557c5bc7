namespace Fulfilment.Sandbox.Replay;

/// <summary>A replay scenario: a start time, the initial stock, and the steps to drive.</summary>
public sealed record Scenario(DateTimeOffset Start, IReadOnlyList<ScenarioStock> Stock, IReadOnlyList<ScenarioStep> Steps);

/// <summary>Initial stock of one product.</summary>
public sealed record ScenarioStock(Guid ProductId, int Available);
