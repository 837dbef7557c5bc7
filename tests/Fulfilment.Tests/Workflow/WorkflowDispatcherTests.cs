using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Workflow;

/// <summary>What the dispatcher asks the host to do for each inbound message, and how it says to settle it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkflowDispatcherTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrderId = Guid.NewGuid();
    private static readonly string InstanceId = WorkflowInstanceId.For(OrderId);
    private static readonly string Cancellation = ContractJson.Serialize(new OrderCancelled(OrderId, CancellationReason.CustomerRequested, At));

    /// <summary>Events a finished instance no longer needs: late or duplicate, dropped.</summary>
    private static readonly (string Name, string Body)[] Late =
    [
        (MessageNames.OrderPacked, ContractJson.Serialize(new OrderPacked(OrderId, At, Guid.NewGuid(), 1))),
        (MessageNames.OrderShortPicked, ContractJson.Serialize(new OrderShortPicked(OrderId, Guid.NewGuid(), Guid.NewGuid(), 2, 1, "EMPTY_BIN", At))),
        (MessageNames.ShipmentRejected, ContractJson.Serialize(new ShipmentRejected(OrderId, 422, "bad address", At))),
        (MessageNames.ShipmentFailed, ContractJson.Serialize(new ShipmentFailed(Guid.NewGuid(), OrderId, ShipmentFailureReason.Lost, At))),
    ];

    /// <summary>The carrier's hand-over events: for a finished instance, reconciled.</summary>
    private static readonly (string Name, string Body)[] HandOver =
    [
        (MessageNames.ShipmentCreated, ContractJson.Serialize(new ShipmentCreated(Guid.NewGuid(), OrderId, "T1", At))),
        (MessageNames.ShipmentDelivered, ContractJson.Serialize(new ShipmentDelivered(Guid.NewGuid(), OrderId, At))),
    ];

    private readonly RecordingPublisher published = new();

    public static TheoryData<string, string> DroppedWhenFinished => Data(Late);

    public static TheoryData<string, string> CarrierHandOver => Data(HandOver);

    public static TheoryData<string, string> OtherEvents => Data([.. Late, .. HandOver]);

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
    [MemberData(nameof(DroppedWhenFinished))]
    public async Task DispatchAsync_LateEventForAFinishedOrder_CompletesWithoutReconciling(string messageName, string body)
    {
        var host = new FakeWorkflowHost().WithFinished(InstanceId);

        var settlement = await DispatchAsync(host, messageName, body);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.DoesNotContain(host.Calls, call => call.StartsWith("Get", StringComparison.Ordinal));
        Assert.Empty(published.Messages);
    }

    [Theory]
    [MemberData(nameof(CarrierHandOver))]
    public async Task DispatchAsync_CarrierEventForAnEndedFulfilment_ReadsItsStatusReconcilesAndCompletes(string messageName, string body)
    {
        var host = new FakeWorkflowHost().WithFinished(Ended(FulfilmentOutcome.Cancelled));

        var settlement = await DispatchAsync(host, messageName, body);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal([$"Raise {InstanceId} {EventKindOf(messageName)}", $"Get {InstanceId}"], host.Calls);
        var reconciled = published.Single<FulfilmentReconciled>(MessageNames.FulfilmentReconciled);
        Assert.Equal((messageName, PreviousOutcome.Cancelled, ReconciliationAction.NothingToDo), (WireName(reconciled.Event), reconciled.PreviousOutcome, reconciled.Action));
    }

    [Theory]
    [MemberData(nameof(CarrierHandOver))]
    public async Task DispatchAsync_CarrierEventForACompletedFulfilment_CompletesAndPublishesNothing(string messageName, string body)
    {
        var host = new FakeWorkflowHost().WithFinished(Ended(FulfilmentOutcome.Completed));

        var settlement = await DispatchAsync(host, messageName, body);

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Empty(published.Messages);
    }

    [Fact]
    public async Task DispatchAsync_CarrierEventForAFaultedFulfilment_DeadLettersFulfilmentFaulted()
    {
        var host = new FakeWorkflowHost().WithFinished(FulfilmentStatus.Begin(OrderId), WorkflowInstanceState.Faulted, "NullReferenceException");

        var settlement = await DispatchAsync(host, MessageNames.ShipmentDelivered, HandOver[1].Body);

        var deadLettered = Assert.IsType<Settlement.DeadLettered>(settlement);
        Assert.Equal(WorkflowRoute.FulfilmentFaulted, deadLettered.Reason);
        Assert.Contains("NullReferenceException", deadLettered.Description, StringComparison.Ordinal);
        Assert.Empty(published.Messages);
    }

    [Fact]
    public async Task DispatchAsync_CarrierEventForAFulfilmentPurgedSinceTheRaise_DeadLettersNoFulfilmentForOrder()
    {
        var host = new FakeWorkflowHost().WithFinished(InstanceId);

        var settlement = await DispatchAsync(host, MessageNames.ShipmentDelivered, HandOver[1].Body);

        Assert.Equal(WorkflowRoute.NoFulfilmentForOrder, Assert.IsType<Settlement.DeadLettered>(settlement).Reason);
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
        var (router, ledger, reservationId) = await RouterBuilder.WithReservationAsync(azurite, At);
        var host = new FakeWorkflowHost();

        var settlement = await Dispatcher(router, ledger).DispatchAsync(host, MessageNames.ReleaseInventory, ContractJson.Serialize(new ReleaseInventory(reservationId)));

        Assert.Null(settlement);
        Assert.Empty(host.Calls);
    }

    private static string Completed() =>
        ContractJson.Serialize(new OrderCompleted(OrderId, Guid.NewGuid(), At, Guid.NewGuid(), null, FulfilmentOrderBuilder.Address));

    private static TheoryData<string, string> Data(IEnumerable<(string Name, string Body)> events)
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, body) in events)
        {
            data.Add(name, body);
        }

        return data;
    }

    private static FulfilmentStatus Ended(FulfilmentOutcome outcome) => FulfilmentStatus.Begin(OrderId).Finish(outcome, At, outcome.ToString());

    private static string EventKindOf(string messageName) =>
        messageName == MessageNames.ShipmentCreated ? WorkflowEvents.ShipmentCreated : WorkflowEvents.ShipmentDelivered;

    private static string WireName(CarrierEventName carrierEvent) =>
        carrierEvent == CarrierEventName.ShipmentCreated ? MessageNames.ShipmentCreated : MessageNames.ShipmentDelivered;

    private async Task<Settlement?> DispatchAsync(FakeWorkflowHost host, string messageName, string body)
    {
        var (router, ledger, _) = await RouterBuilder.WithReservationAsync(azurite, At);
        return await Dispatcher(router, ledger).DispatchAsync(host, messageName, body);
    }

    private WorkflowDispatcher Dispatcher(WorkflowRouter router, ReservationLedger ledger) =>
        new(router, new FulfilmentReconciler(ledger, published, new FakeTimeProvider(At), NullLogger<FulfilmentReconciler>.Instance), NullLogger<WorkflowDispatcher>.Instance);
}
