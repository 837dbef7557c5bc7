using Fulfilment.Contracts;

namespace Fulfilment.Tests.Inventory;

/// <summary>Builds reserve-inventory commands: a fresh cart, no order, the lines given.</summary>
internal sealed class ReserveInventoryBuilder
{
    private readonly List<LineItem> items = [];
    private Guid cartId = Guid.NewGuid();
    private Guid? orderId;

    public ReserveInventoryBuilder ForCart(Guid cart)
    {
        cartId = cart;
        return this;
    }

    public ReserveInventoryBuilder ForOrder(Guid order)
    {
        orderId = order;
        return this;
    }

    public ReserveInventoryBuilder With(Guid productId, int quantity)
    {
        items.Add(new LineItem(productId, quantity));
        return this;
    }

    public ReserveInventoryBuilder With(params (Guid ProductId, int Quantity)[] lines)
    {
        foreach (var (productId, quantity) in lines)
        {
            With(productId, quantity);
        }

        return this;
    }

    public ReserveInventory Build() => new(cartId, items.ToList(), Guid.NewGuid(), orderId);
}
