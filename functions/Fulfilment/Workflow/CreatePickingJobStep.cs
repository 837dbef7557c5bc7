using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>Step 2: create the picking job from the reservation's items (idempotent per order).</summary>
public sealed partial class CreatePickingJobStep
{
    public sealed record Request(Guid OrderId, IReadOnlyList<LineItem> Items);

    public sealed record Result(Guid PickingJobId);
}
