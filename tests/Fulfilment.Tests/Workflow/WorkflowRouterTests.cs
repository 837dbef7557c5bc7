using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

[Collection(AzuriteCollection.Name)]
public sealed class WorkflowRouterTests(AzuriteFixture azurite)
{
    private static readonly Guid OrderId = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string> Events => new()
    {
        { MessageNames.OrderCancelled, ContractJson.Serialize(new OrderCancelled(OrderId, CancellationReason.Fraud, At)), WorkflowEvents.OrderCancelled },
        { MessageNames.OrderPacked, ContractJson.Serialize(new OrderPacked(OrderId, At, Guid.NewGuid(), 1)), WorkflowEvents.OrderPacked },
        { MessageNames.OrderShortPicked, ContractJson.Serialize(new OrderShortPicked(OrderId, Guid.NewGuid(), Guid.NewGuid(), 2, 1, "EMPTY_BIN", At)), WorkflowEvents.OrderShortPicked },
        { MessageNames.ShipmentCreated, ContractJson.Serialize(new ShipmentCreated(Guid.NewGuid(), OrderId, "T1", At)), WorkflowEvents.ShipmentCreated },
        { MessageNames.ShipmentRejected, ContractJson.Serialize(new ShipmentRejected(OrderId, 422, "bad address", At)), WorkflowEvents.ShipmentRejected },
        { MessageNames.ShipmentFailed, ContractJson.Serialize(new ShipmentFailed(Guid.NewGuid(), OrderId, ShipmentFailureReason.Lost, At)), WorkflowEvents.ShipmentFailed },
        { MessageNames.ShipmentDelivered, ContractJson.Serialize(new ShipmentDelivered(Guid.NewGuid(), OrderId, At)), WorkflowEvents.ShipmentDelivered },
    };

    [Fact]
    public async Task RouteAsync_OrderCompleted_StartsTheOrdersInstance()
    {
        var router = await NewRouterAsync();
        var reservationId = Guid.NewGuid();

        var route = await router.RouteAsync(MessageNames.OrderCompleted, Completed(reservationId, null, FulfilmentOrderBuilder.Address));

        Assert.Equal((WorkflowRouteKind.Start, WorkflowInstanceId.For(OrderId)), (route.Kind, route.InstanceId));
        Assert.Equal((reservationId, (Guid?)null, ShippingService.Standard), (route.Order!.ReservationId, route.Order.CartId, route.Order.Service));
    }

    [Fact]
    public async Task RouteAsync_OrderCompletedWithCartOnly_DerivesTheReservationIdFromTheCart()
    {
        var router = await NewRouterAsync();
        var cartId = Guid.NewGuid();

        var route = await router.RouteAsync(MessageNames.OrderCompleted, Completed(null, cartId, FulfilmentOrderBuilder.Address));

        Assert.Equal((WorkflowRouteKind.Start, Reservation.IdFor(cartId), cartId), (route.Kind, route.Order!.ReservationId, route.Order.CartId));
    }

    [Fact]
    public async Task RouteAsync_OrderCompletedWithoutReservationReference_DeadLettersWithThatReason()
    {
        var router = await NewRouterAsync();

        var route = await router.RouteAsync(MessageNames.OrderCompleted, Completed(null, null, FulfilmentOrderBuilder.Address));

        Assert.Equal((WorkflowRouteKind.DeadLetter, WorkflowRoute.NoReservationReference), (route.Kind, route.Reason));
    }

    [Fact]
    public async Task RouteAsync_OrderCompletedWithoutAddress_DeadLettersWithThatReason()
    {
        var router = await NewRouterAsync();

        var route = await router.RouteAsync(MessageNames.OrderCompleted, Completed(Guid.NewGuid(), null, null));

        Assert.Equal((WorkflowRouteKind.DeadLetter, WorkflowRoute.NoShippingAddress), (route.Kind, route.Reason));
    }

    [Fact]
    public async Task RouteAsync_BrokenContract_DeadLettersWithTheViolations()
    {
        var router = await NewRouterAsync();

        var route = await router.RouteAsync(MessageNames.OrderPacked, """{"orderId":"not-a-uuid"}""");

        Assert.Equal((WorkflowRouteKind.DeadLetter, WorkflowRoute.InvalidMessage), (route.Kind, route.Reason));
        Assert.Contains("orderId", route.Description, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public async Task RouteAsync_WorkflowEvent_RaisesItIntoTheOrdersInstance(string messageName, string body, string eventName)
    {
        var router = await NewRouterAsync();

        var route = await router.RouteAsync(messageName, body);

        Assert.Equal((WorkflowRouteKind.Raise, WorkflowInstanceId.For(OrderId), eventName), (route.Kind, route.InstanceId, route.EventName));
        Assert.Equal(body, route.Payload);
    }

    [Fact]
    public async Task RouteAsync_ReleaseOfAReservationHeldForAnOrder_RaisesReleaseRequested()
    {
        var (router, ledger, reservationId) = await WithReservationAsync();
        await ledger.LinkAsync(reservationId, OrderId, CancellationToken.None);

        var route = await router.RouteAsync(MessageNames.ReleaseInventory, ContractJson.Serialize(new ReleaseInventory(reservationId, ReleaseReason.OrderCancelled)));

        Assert.Equal((WorkflowRouteKind.Raise, WorkflowInstanceId.For(OrderId), WorkflowEvents.ReleaseRequested), (route.Kind, route.InstanceId, route.EventName));
    }

    [Fact]
    public async Task RouteAsync_ReleaseOfAnUnlinkedReservation_IsLeftToInventory()
    {
        var (router, _, reservationId) = await WithReservationAsync();

        var route = await router.RouteAsync(MessageNames.ReleaseInventory, ContractJson.Serialize(new ReleaseInventory(reservationId)));

        Assert.Equal(WorkflowRouteKind.NotForWorkflow, route.Kind);
    }

    [Fact]
    public async Task RouteAsync_ReleaseOfAReservationOnlyHintedForAnOrder_IsLeftToInventory()
    {
        var (router, _, reservationId) = await RouterBuilder.WithReservationAsync(azurite, At, orderId: OrderId);

        var route = await router.RouteAsync(MessageNames.ReleaseInventory, ContractJson.Serialize(new ReleaseInventory(reservationId)));

        Assert.Equal(WorkflowRouteKind.NotForWorkflow, route.Kind);
    }

    [Fact]
    public async Task RouteAsync_MessageTheWorkflowDoesNotTake_DeadLetters()
    {
        var router = await NewRouterAsync();

        var route = await router.RouteAsync(MessageNames.ReserveInventory, "{}");

        Assert.Equal((WorkflowRouteKind.DeadLetter, WorkflowRoute.NotAWorkflowMessage), (route.Kind, route.Reason));
    }

    private static string Completed(Guid? reservationId, Guid? cartId, Address? address) =>
        ContractJson.Serialize(new OrderCompleted(OrderId, Guid.NewGuid(), At, reservationId, cartId, address));

    private async Task<WorkflowRouter> NewRouterAsync() => (await WithReservationAsync()).Router;

    private Task<(WorkflowRouter Router, ReservationLedger Ledger, Guid ReservationId)> WithReservationAsync() =>
        RouterBuilder.WithReservationAsync(azurite, At);
}
