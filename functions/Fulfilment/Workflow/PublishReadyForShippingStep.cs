using Fulfilment.Contracts;

namespace Fulfilment.Workflow;

/// <summary>Step 4: publish order-ready-for-shipping, built from the packed job and the order's address.</summary>
public sealed partial class PublishReadyForShippingStep
{
    public sealed record Request(Guid OrderId, Guid CustomerId, Address ShippingAddress, ShippingService Service, int? ParcelCount);

    public sealed record Result(int ParcelCount);
}
