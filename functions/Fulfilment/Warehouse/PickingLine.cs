namespace Fulfilment.Warehouse;

/// <summary>One product of a picking job: how many to pick and how many were picked (set on pack or short pick).</summary>
public sealed record PickingLine(Guid ProductId, int Quantity, int Picked);
