namespace Fulfilment.Sandbox.Bus;

/// <summary>
/// What the in-process bus does to deliveries on request: deliver a completed message again (at-least-once),
/// take pending deliveries out of order, hold some back behind later ones, or abandon a first delivery as if the
/// handler's host had crashed. Rates are probabilities per delivery; the seed makes a run repeatable.
/// </summary>
public sealed record BusChaos(
    double DuplicateRate = 0,
    bool Reorder = false,
    double DelayRate = 0,
    double AbandonRate = 0,
    int Seed = 1)
{
    public static BusChaos None { get; } = new();
}
