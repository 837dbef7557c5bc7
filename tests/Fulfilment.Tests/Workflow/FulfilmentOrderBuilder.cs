using Fulfilment.Contracts;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>Test data: a valid workflow input, with one thing changed at a time.</summary>
internal sealed class FulfilmentOrderBuilder
{
    private Guid orderId = Guid.NewGuid();
    private Guid? reservationId = Guid.NewGuid();
    private Guid? cartId;

    public static Address Address { get; } = new("1 High Street", "Leeds", "LS1 1AA", "GB");

    public FulfilmentOrderBuilder WithOrderId(Guid value)
    {
        orderId = value;
        return this;
    }

    public FulfilmentOrderBuilder WithReservation(Guid value)
    {
        reservationId = value;
        cartId = null;
        return this;
    }

    public FulfilmentOrderBuilder WithCart(Guid value)
    {
        reservationId = null;
        cartId = value;
        return this;
    }

    public FulfilmentOrder Build() => new(orderId, Guid.NewGuid(), reservationId, cartId, Address, ShippingService.Standard);
}
