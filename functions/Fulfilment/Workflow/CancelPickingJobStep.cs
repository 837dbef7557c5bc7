namespace Fulfilment.Workflow;

/// <summary>Compensation of step 2: cancel the picking job (the Warehouse refuses once it is PACKED).</summary>
public sealed partial class CancelPickingJobStep
{
    public sealed record Request(Guid OrderId, string Reason);

    public sealed record Result(bool Cancelled, string Detail);
}
