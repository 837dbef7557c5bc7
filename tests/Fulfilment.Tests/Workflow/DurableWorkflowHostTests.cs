using Fulfilment.Contracts;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.DurableTask.Client;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// The app's client side on the real Durable engine: start-if-absent (a duplicate start never restarts or replaces
/// an instance, running or finished), events for a missing or finished instance as outcomes (never an exception,
/// never a raise to a missing id), and the status read.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableWorkflowHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StartFulfilment_WhileTheOrderRuns_IsAlreadyExistsAndDoesNotRestartIt()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var host = order.Host();
        await host.StartFulfilmentAsync(order.Order, CancellationToken.None);
        await order.PackAsync();
        await order.ParkedInAsync(WorkflowStage.AwaitingShipment);

        var second = await host.StartFulfilmentAsync(order.Order, CancellationToken.None);

        Assert.Equal(StartOutcome.AlreadyExists, second);
        Assert.Equal(WorkflowStage.AwaitingShipment, (await order.ParkedInAsync(WorkflowStage.AwaitingShipment)).Stage);
        Assert.Single(order.Published.Named(MessageNames.OrderReadyForShipping));
    }

    [Fact]
    public async Task StartFulfilment_AfterTheOrderFinished_IsAlreadyExistsAndKeepsItsOutcome()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var host = order.Host();
        await host.StartFulfilmentAsync(order.Order, CancellationToken.None);
        await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        await order.FinishedAsync();

        var again = await host.StartFulfilmentAsync(order.Order, CancellationToken.None);

        Assert.Equal(StartOutcome.AlreadyExists, again);
        Assert.Equal(FulfilmentOutcome.Cancelled, (await order.StatusAsync())!.Outcome);
        Assert.Single(order.Published.Named(MessageNames.FulfilmentCancelled));
    }

    [Fact]
    public async Task StartFulfilment_AfterACancelledBeforeStart_IsAlreadyExists()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var host = order.Host();
        await host.StartCancelledBeforeStartAsync(order.Cancelled(), CancellationToken.None);

        var started = await host.StartFulfilmentAsync(order.Order, CancellationToken.None);
        var status = await order.FinishedAsync();

        Assert.Equal(StartOutcome.AlreadyExists, started);
        Assert.Equal((FulfilmentOutcome.Cancelled, nameof(WorkflowStage.NotStarted)), (status.Outcome, order.Published.Single<FulfilmentCancelled>(MessageNames.FulfilmentCancelled).Stage));
    }

    [Fact]
    public async Task StartFulfilment_AfterItsInstanceWasPurged_EndsAlreadyFulfilledAndPublishesNothing()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var host = order.Host();
        await host.StartFulfilmentAsync(order.Order, CancellationToken.None);
        await order.RaiseAsync(WorkflowEvents.OrderCancelled, order.Cancelled());
        await order.FinishedAsync();
        await order.Client.PurgeInstanceAsync(order.InstanceId);
        var publishedBefore = order.Published.Messages.Count;

        var again = await host.StartFulfilmentAsync(order.Order, CancellationToken.None);
        var status = await order.FinishedAsync();

        Assert.Equal((StartOutcome.Started, FulfilmentOutcome.AlreadyFulfilled), (again, status.Outcome!.Value));
        Assert.Equal(publishedBefore, order.Published.Messages.Count);
        Assert.Equal((WorkflowEngineHarness.InitialStock, 0), ((await order.StockAsync())!.Available, (await order.StockAsync())!.Reserved));
    }

    [Fact]
    public async Task Purge_PastTheRetention_DeletesFinishedFulfilmentsOnly()
    {
        await using var finished = await WorkflowEngineHarness.StartAsync(azurite);
        await finished.Host().StartCancelledBeforeStartAsync(finished.Cancelled(), CancellationToken.None);
        await finished.FinishedAsync();
        var running = finished.Order with { OrderId = Guid.NewGuid() };
        await finished.Host().StartFulfilmentAsync(running, CancellationToken.None);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromDays(91));
        var purge = new FulfilmentHistoryPurge(
            Microsoft.Extensions.Options.Options.Create(new WorkflowOptions()), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<FulfilmentHistoryPurge>.Instance);

        var purged = await purge.PurgeAsync(finished.Client, CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Null(await finished.Client.GetInstanceAsync(finished.InstanceId));
        Assert.NotNull(await finished.Client.GetInstanceAsync(running.InstanceId));
    }

    [Fact]
    public async Task RaiseEvent_NoSuchInstance_IsUnknownAndRaisesNothing()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);

        var raised = await order.Host().RaiseEventAsync(order.InstanceId, WorkflowEvents.OrderPacked, "{}", CancellationToken.None);

        Assert.Equal(RaiseOutcome.UnknownInstance, raised);
        Assert.Null(await order.Client.GetInstanceAsync(order.InstanceId));
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_IsInstanceFinished()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var host = order.Host();
        await host.StartCancelledBeforeStartAsync(order.Cancelled(), CancellationToken.None);
        await order.FinishedAsync();

        var raised = await host.RaiseEventAsync(order.InstanceId, WorkflowEvents.ShipmentDelivered, ContractJson.Serialize(order.Delivered()), CancellationToken.None);

        Assert.Equal(RaiseOutcome.InstanceFinished, raised);
    }

    [Fact]
    public async Task RaiseEvent_RunningInstance_IsDeliveredOnTheChannel()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var host = order.Host();
        await host.StartFulfilmentAsync(order.Order, CancellationToken.None);
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);

        var raised = await host.RaiseEventAsync(order.InstanceId, WorkflowEvents.OrderCancelled, ContractJson.Serialize(order.Cancelled()), CancellationToken.None);

        Assert.Equal(RaiseOutcome.Delivered, raised);
        Assert.Equal(FulfilmentOutcome.Cancelled, (await order.FinishedAsync()).Outcome);
    }

    [Fact]
    public async Task Get_UnknownOrder_IsNull()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);

        var snapshot = await order.Host().GetAsync(order.OrderId, CancellationToken.None);

        Assert.Null(snapshot);
    }

    [Fact]
    public async Task Get_RunningOrder_ReadsTheStatusAndTheInstanceState()
    {
        await using var order = await WorkflowEngineHarness.StartAsync(azurite);
        var host = order.Host();
        await host.StartFulfilmentAsync(order.Order, CancellationToken.None);
        await order.ParkedInAsync(WorkflowStage.AwaitingPacking);

        var snapshot = await host.GetAsync(order.OrderId, CancellationToken.None);

        Assert.Equal((WorkflowInstanceState.Running, WorkflowStage.AwaitingPacking, order.ReservationId), (snapshot!.State, snapshot.Status.Stage, snapshot.Status.ReservationId!.Value));
        Assert.NotNull(snapshot.Status.PickingJobId);
    }
}
