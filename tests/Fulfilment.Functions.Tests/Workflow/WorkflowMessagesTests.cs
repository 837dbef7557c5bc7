using Fulfilment.Contracts;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Functions.Workflow;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;
using Grpc.Core;
using Microsoft.DurableTask.Client;
using Moq;

namespace Fulfilment.Functions.Tests.Workflow;

/// <summary>
/// Every delivery path of the workflow's messages through the code their triggers call, with the in-process Durable
/// engine's real client in place of the trigger's <c>[DurableClient]</c> and the real orchestrations behind it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkflowMessagesTests(AzuriteFixture azurite)
{
    private readonly RecordingMessageActions actions = new();

    [Fact]
    public async Task EventAsync_OrderCompleted_StartsTheFulfilmentAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var reserved = await app.ReservedOrderAsync();

        await Workflow(app).EventAsync(MessageNames.OrderCompleted, ReceivedMessages.Of(reserved.Order), actions, engine.Client, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        var status = await engine.ParkedInAsync(reserved.OrderId, WorkflowStage.AwaitingPacking);
        Assert.Equal(reserved.ReservationId, status.ReservationId);
        Assert.NotNull(status.PickingJobId);
    }

    [Fact]
    public async Task EventAsync_OrderCompletedDeliveredAgain_LeavesTheRunningFulfilmentAsItIsAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var (reserved, first) = await app.OrderAwaitingPackingAsync(engine);
        var createdAt = (await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(reserved.OrderId)))!.CreatedAt;

        await Workflow(app).EventAsync(MessageNames.OrderCompleted, ReceivedMessages.Of(reserved.Order, deliveryCount: 2), actions, engine.Client, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        var again = await engine.ParkedInAsync(reserved.OrderId, WorkflowStage.AwaitingPacking);
        Assert.Equal(createdAt, (await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(reserved.OrderId)))!.CreatedAt);
        Assert.Equal((first.PickingJobId, first.ActivitiesCalled, first.Timeline.Count), (again.PickingJobId, again.ActivitiesCalled, again.Timeline.Count));
    }

    [Fact]
    public async Task EventAsync_OrderPackedOfARunningFulfilment_RaisesItAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var (reserved, _) = await app.OrderAwaitingPackingAsync(engine);
        var floor = app.Get<PickingFloorHandler>();
        Assert.True((await floor.StartAsync(reserved.OrderId, FloorCaller.Picker("picker-1"), CancellationToken.None)).Succeeded);
        Assert.True((await floor.PackAsync(reserved.OrderId, FloorCaller.Picker("picker-1"), 1, CancellationToken.None)).Succeeded);
        var packed = app.Publisher.Single<OrderPacked>(MessageNames.OrderPacked);

        await Workflow(app).EventAsync(MessageNames.OrderPacked, ReceivedMessages.Of(packed), actions, engine.Client, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        await engine.ParkedInAsync(reserved.OrderId, WorkflowStage.AwaitingShipment);
        Assert.Single(app.Publisher.Named(MessageNames.OrderReadyForShipping));
    }

    [Fact]
    public async Task EventAsync_EventForAnUnknownOrder_DeadLettersNoFulfilmentForOrderAndStartsNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var packed = new OrderPacked(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), 1);

        await Workflow(app).EventAsync(MessageNames.OrderPacked, ReceivedMessages.Of(packed), actions, engine.Client, CancellationToken.None);

        Assert.Equal((SettledMessage.DeadLettered, WorkflowRoute.NoFulfilmentForOrder), (actions.Single.Kind, actions.Single.Reason));
        Assert.Null(await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(packed.OrderId)));
    }

    [Fact]
    public async Task EventAsync_OrderCompletedBreakingItsContract_DeadLettersContractViolationAndStartsNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var reserved = await app.ReservedOrderAsync();
        var body = $$"""{"orderId":"{{reserved.OrderId}}","customerId":"not-a-uuid","completedAt":"2030-03-04T09:00:00Z","cartId":"{{reserved.Order.CartId}}"}""";

        await Workflow(app).EventAsync(MessageNames.OrderCompleted, ReceivedMessages.WithBody(body), actions, engine.Client, CancellationToken.None);

        Assert.Equal((SettledMessage.DeadLettered, DeadLetterReasons.ContractViolation), (actions.Single.Kind, actions.Single.Reason));
        Assert.Contains("$.customerId", actions.Single.Description, StringComparison.Ordinal);
        Assert.Null(await engine.Client.GetInstanceAsync(WorkflowInstanceId.For(reserved.OrderId)));
        Assert.Null((await app.Get<ReservationLedger>().GetAsync(reserved.ReservationId, CancellationToken.None))!.OrderId);
    }

    [Fact]
    public async Task EventAsync_OrderCancelledBeforeItsOrderCompleted_CancelsTheOrderAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var cancelled = Orders.Cancelled(Guid.NewGuid());

        await Workflow(app).EventAsync(MessageNames.OrderCancelled, ReceivedMessages.Of(cancelled), actions, engine.Client, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal((FulfilmentOutcome.Cancelled, WorkflowStage.Finished), await OutcomeAsync(engine, cancelled.OrderId));
        Assert.Equal(cancelled.OrderId, app.Publisher.Single<FulfilmentCancelled>(MessageNames.FulfilmentCancelled).OrderId);
    }

    [Fact]
    public async Task EventAsync_DurableBackendUnavailable_PropagatesAndSettlesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var client = new Mock<DurableTaskClient>("unavailable");
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "the task hub's storage is unreachable")));
        var packed = new OrderPacked(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), 1);

        await Assert.ThrowsAsync<RpcException>(() =>
            Workflow(app).EventAsync(MessageNames.OrderPacked, ReceivedMessages.Of(packed), actions, client.Object, CancellationToken.None));

        Assert.Empty(actions.Settled);
    }

    [Fact]
    public async Task ReleaseInventoryAsync_ReservationNoOrderHolds_InventoryReleasesItAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var reserved = await app.ReservedOrderAsync();

        await Workflow(app).ReleaseInventoryAsync(
            ReceivedMessages.Of(new ReleaseInventory(reserved.ReservationId, ReleaseReason.CheckoutFailed)), actions, engine.Client, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal((Orders.Stocked, 0), await app.LevelsOfAsync(reserved.ProductId));
        Assert.Equal(ReservationStatus.Released, (await app.Get<ReservationLedger>().GetAsync(reserved.ReservationId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ReleaseInventoryAsync_ReservationHeldForARunningOrder_CancelsThatOrderAndCompletes()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var (reserved, _) = await app.OrderAwaitingPackingAsync(engine);

        await Workflow(app).ReleaseInventoryAsync(
            ReceivedMessages.Of(new ReleaseInventory(reserved.ReservationId, ReleaseReason.OrderCancelled)), actions, engine.Client, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal(FulfilmentOutcome.Cancelled, (await OutcomeAsync(engine, reserved.OrderId)).Outcome);
        Assert.Equal((Orders.Stocked, 0), await app.LevelsOfAsync(reserved.ProductId));
        Assert.Equal(reserved.OrderId, app.Publisher.Single<FulfilmentCancelled>(MessageNames.FulfilmentCancelled).OrderId);
    }

    [Fact]
    public async Task ReleaseInventoryAsync_UnknownReservation_CompletesAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var reserved = await app.ReservedOrderAsync();

        await Workflow(app).ReleaseInventoryAsync(ReceivedMessages.Of(new ReleaseInventory(Guid.NewGuid())), actions, engine.Client, CancellationToken.None);

        Assert.Equal(SettledMessage.Completed, actions.Single.Kind);
        Assert.Equal((Orders.Stocked - Orders.Ordered, Orders.Ordered), await app.LevelsOfAsync(reserved.ProductId));
    }

    [Fact]
    public async Task ReleaseInventoryAsync_ContractBroken_DeadLettersAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var reserved = await app.ReservedOrderAsync();
        var body = $$"""{"reservationId":"{{reserved.ReservationId}}","reason":"BORED"}""";

        await Workflow(app).ReleaseInventoryAsync(ReceivedMessages.WithBody(body), actions, engine.Client, CancellationToken.None);

        Assert.Equal((SettledMessage.DeadLettered, DeadLetterReasons.ContractViolation), (actions.Single.Kind, actions.Single.Reason));
        Assert.Equal((Orders.Stocked - Orders.Ordered, Orders.Ordered), await app.LevelsOfAsync(reserved.ProductId));
    }

    private static WorkflowMessages Workflow(FunctionAppHost app) => app.Function<WorkflowMessages>();

    private static async Task<(FulfilmentOutcome? Outcome, WorkflowStage Stage)> OutcomeAsync(DurableEngine engine, Guid orderId)
    {
        var status = await engine.FinishedAsync(orderId);
        return (status.Outcome, status.Stage);
    }
}
