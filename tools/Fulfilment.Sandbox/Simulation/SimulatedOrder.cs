namespace Fulfilment.Sandbox.Simulation;

/// <summary>One simulated checkout and the order that follows it; ids derive from the seed and the order's number.</summary>
public sealed record SimulatedOrder(
    int Number,
    Guid CartId,
    Guid OrderId,
    Guid CustomerId,
    IReadOnlyList<(Guid ProductId, int Quantity)> Items,
    CancelTiming Cancel,
    bool ShipmentFails);

/// <summary>When ordering cancels a simulated order, if at all.</summary>
public enum CancelTiming
{
    Never,
    BeforePicking,
    AfterDispatch,
}
