using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fulfilment.Tests.Workflow;

/// <summary>What the dispatcher asks the host to do for each inbound message, and how it says to settle it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkflowDispatcherTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrderId = Guid.NewGuid();
    private static readonly string InstanceId = WorkflowInstanceId.For(OrderId);
    private static readonly string Cancellation = ContractJson.Serialize(new OrderCancelled(OrderId, CancellationReason.CustomerRequested, At));

    public static TheoryData<string, string> OtherEvents => new()
    {
        { MessageNames.OrderPacked, ContractJson.Serialize(new OrderPacked(OrderId, At, Guid.NewGuid(), 1)) },
        { MessageNames.OrderShortPicked, ContractJson.Serialize(new OrderShortPicked(OrderId, Guid.NewGuid(), Guid.NewGuid(), 2, 1, "EMPTY_BIN", At)) },
        { MessageNames.ShipmentCreated, ContractJson.Serialize(new ShipmentCreated(Guid.NewGuid(), OrderId, "T1", At)) },
        { MessageNames.ShipmentRejected, ContractJson.Serialize(new ShipmentRejected(OrderId, 422, "bad address", At)) },
        { MessageNames.ShipmentFailed, ContractJson.Serialize(new ShipmentFailed(Guid.NewGuid(), OrderId, ShipmentFailureReason.Lost, At)) },
        { MessageNames.ShipmentDelivered, ContractJson.Serialize(new ShipmentDelivered(Guid.NewGuid(), OrderId, At)) },
    };

    [Fact]
    public async Task DispatchAsync_OrderCompleted_StartsTheFulfilmentAndCompletes()
    {
        var host = new FakeWorkflowHost();

        var settlement = await DispatchAsync(host, MessageNames.OrderCompleted, Completed());

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal([$"StartFulfilment {InstanceId}"], host.Calls);
    }

    [Fact]
    public async Task DispatchAsync_OrderCompletedForAnExistingInstance_CompletesAsANoOp()
    {
        var host = new FakeWorkflowHost().WithFinished(InstanceId);

        var settlement = await DispatchAsync(host, MessageNames.OrderCompleted, Completed());

        Assert.Equal(Settlement.Complete, settlement);
    }

    [Fact]
    public async Task DispatchAsync_OrderCancelledForARunningOrder_RaisesItOnly()
    {
        var host = new FakeWorkflowHost().WithRunning(InstanceId);

        var settlement = await DispatchAsync(host, MessageNames.OrderCancelled, Cancellation);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal([$"Raise {InstanceId} {WorkflowEvents.OrderCancelled}"], host.Calls);
    }

    [Fact]
    public async Task DispatchAsync_OrderCancelledBeforeOrderCompleted_StartsTheOrderAsCancelled()
    {
        var host = new FakeWorkflowHost();

        var settlement = await DispatchAsync(host, MessageNames.OrderCancelled, Cancellation);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal([$"Raise {InstanceId} {WorkflowEvents.OrderCancelled}", $"StartCancelledBeforeStart {InstanceId}"], host.Calls);
    }

    [Fact]
    public async Task DispatchAsync_OrderCompletedWinsTheStartRace_RaisesTheCancellationIntoIt()
    {
        var host = new FakeWorkflowHost { OrderCompletedWinsTheRace = true };

        var settlement = await DispatchAsync(host, MessageNames.OrderCancelled, Cancellation);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal(
            [$"Raise {InstanceId} {WorkflowEvents.OrderCancelled}", $"StartCancelledBeforeStart {InstanceId}", $"Raise {InstanceId} {WorkflowEvents.OrderCancelled}"],
            host.Calls);
    }

    [Theory]
    [MemberData(nameof(OtherEvents))]
    public async Task DispatchAsync_OtherEventForAnUnknownOrder_DeadLettersNoFulfilmentForOrder(string messageName, string body)
    {
        var host = new FakeWorkflowHost();

        var settlement = await DispatchAsync(host, messageName, body);

        Assert.Equal(WorkflowRoute.NoFulfilmentForOrder, Assert.IsType<Settlement.DeadLettered>(settlement).Reason);
        Assert.DoesNotContain(host.Calls, call => call.StartsWith("Start", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OtherEvents))]
    public async Task DispatchAsync_EventForAFinishedOrder_Completes(string messageName, string body)
    {
        var host = new FakeWorkflowHost().WithFinished(InstanceId);

        var settlement = await DispatchAsync(host, messageName, body);

        Assert.Equal(Settlement.Complete, settlement);
    }

    [Fact]
    public async Task DispatchAsync_BrokenContract_DeadLettersWithoutTouchingTheHost()
    {
        var host = new FakeWorkflowHost();

        var settlement = await DispatchAsync(host, MessageNames.OrderCancelled, """{"orderId":"not-a-uuid"}""");

        Assert.Equal(DeadLetterReasons.ContractViolation, Assert.IsType<Settlement.DeadLettered>(settlement).Reason);
        Assert.Empty(host.Calls);
    }

    [Fact]
    public async Task DispatchAsync_ReleaseOfAnUnlinkedReservation_IsNotForTheWorkflow()
    {
        var (router, _, reservationId) = await RouterBuilder.WithReservationAsync(azurite, At);
        var host = new FakeWorkflowHost();

        var settlement = await new WorkflowDispatcher(router, NullLogger<WorkflowDispatcher>.Instance)
            .DispatchAsync(host, MessageNames.ReleaseInventory, ContractJson.Serialize(new ReleaseInventory(reservationId)));

        Assert.Null(settlement);
        Assert.Empty(host.Calls);
    }

    private static string Completed() =>
        ContractJson.Serialize(new OrderCompleted(OrderId, Guid.NewGuid(), At, Guid.NewGuid(), null, FulfilmentOrderBuilder.Address));

    private async Task<Settlement?> DispatchAsync(FakeWorkflowHost host, string messageName, string body)
    {
        var (router, _, _) = await RouterBuilder.WithReservationAsync(azurite, At);
        return await new WorkflowDispatcher(router, NullLogger<WorkflowDispatcher>.Instance).DispatchAsync(host, messageName, body);
    }
}
