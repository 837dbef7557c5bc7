using Fulfilment.Contracts;
using Fulfilment.Functions.Workflow;
using Fulfilment.Inventory;
using Fulfilment.Workflow;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>Orders as ordering sends them, over stock set up through the app's own Inventory services.</summary>
public static class Orders
{
    public const int Stocked = 10;
    public const int Ordered = 3;

    public static Address Address { get; } = new("1 High Street", "Leeds", "LS1 1AA", "GB");

    /// <summary>A product with <see cref="Stocked"/> units, <see cref="Ordered"/> of them reserved for a cart, and the order-completed of that cart.</summary>
    public static async Task<ReservedOrder> ReservedOrderAsync(this FunctionAppHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var product = await app.ProductAsync(Stocked);
        var cartId = Guid.NewGuid();
        var reserved = await app.Get<ReserveInventoryHandler>().HandleAsync(new ReserveInventory(cartId, [new LineItem(product, Ordered)]), CancellationToken.None);
        Assert.Equal(ReserveStatus.Reserved, reserved.Status);
        var order = new OrderCompleted(Guid.NewGuid(), Guid.NewGuid(), app.Clock.GetUtcNow(), CartId: cartId, ShippingAddress: Address);
        return new ReservedOrder(order, product, reserved.ReservationId);
    }

    public static OrderCancelled Cancelled(Guid orderId) => new(orderId, CancellationReason.CustomerRequested, DateTimeOffset.UtcNow);

    /// <summary>A reserved order whose order-completed went through the app's trigger code: its fulfilment waits for packing.</summary>
    public static async Task<(ReservedOrder Order, FulfilmentStatus Status)> OrderAwaitingPackingAsync(this FunctionAppHost app, DurableEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var reserved = await app.ReservedOrderAsync();
        await DeliverAsync(app, engine, MessageNames.OrderCompleted, reserved.Order);
        return (reserved, await engine.ParkedInAsync(reserved.OrderId, WorkflowStage.AwaitingPacking));
    }

    /// <summary>An order whose order-cancelled came before its order-completed, through the app's trigger code: its fulfilment has finished, cancelled.</summary>
    public static async Task<(Guid OrderId, FulfilmentStatus Status)> OrderCancelledBeforeItStartedAsync(this FunctionAppHost app, DurableEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var cancelled = Cancelled(Guid.NewGuid());
        await DeliverAsync(app, engine, MessageNames.OrderCancelled, cancelled);
        return (cancelled.OrderId, await engine.FinishedAsync(cancelled.OrderId));
    }

    private static async Task DeliverAsync<T>(FunctionAppHost app, DurableEngine engine, string messageName, T message)
    {
        var actions = new RecordingMessageActions();
        await app.Function<WorkflowMessages>().EventAsync(messageName, ReceivedMessages.Of(message), actions, engine.Client, CancellationToken.None);
        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
    }
}

/// <summary>An order-completed whose cart holds a reservation of one product.</summary>
public sealed record ReservedOrder(OrderCompleted Order, Guid ProductId, Guid ReservationId)
{
    public Guid OrderId => Order.OrderId;
}
