using Fulfilment.Contracts;
using Fulfilment.Workflow;
using static Fulfilment.Tests.Workflow.StepNames;

namespace Fulfilment.Tests.Workflow;

/// <summary>Cancellation (order-cancelled, release-inventory) at every stage, on the in-memory runtime with fake steps.</summary>
public sealed class FulfilmentWorkflowCancellationTests
{
    [Fact]
    public async Task RunAsync_CancelledWhileAwaitingPacking_CancelsJobReleasesAndPublishesCancelled()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.CancelAsync();

        Assert.Equal([Link, CreateJob, CancelJob, Release, Cancelled], harness.StepsRun);
        Assert.Equal([MessageNames.FulfilmentCancelled], harness.PublishedNames);
        Assert.Equal(ReleaseMode.Restock, Assert.Single(harness.Steps.Releases).Mode);
        Assert.Equal(FulfilmentOutcome.Cancelled, harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileCreatingThePickingJob_IsBufferedThenHonoured()
    {
        var harness = new WorkflowHarness();
        var raised = RaiseOutcome.Delivered;
        harness.Steps.DuringCreatePickingJob = async () => raised = await harness.CancelAsync();

        await harness.StartAsync();

        Assert.Equal(RaiseOutcome.Buffered, raised);
        Assert.Equal([Link, CreateJob, CancelJob, Release, Cancelled], harness.StepsRun);
        Assert.Equal(FulfilmentOutcome.Cancelled, harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_CancelledAfterPacking_ReleasesWithoutCancellingThePackedJob()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingShipment);

        await harness.CancelAsync();

        Assert.Equal([Link, CreateJob, Ready, Release, Cancelled], harness.StepsRun);
        Assert.Empty(harness.Steps.Cancellations);
        Assert.Equal(nameof(WorkflowStage.AwaitingShipment), harness.Published.Single<FulfilmentCancelled>(MessageNames.FulfilmentCancelled).Stage);
    }

    [Fact]
    public async Task RunAsync_CancelledAfterDispatch_RefusesAndStillCompletes()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingDelivery);

        await harness.CancelAsync();
        await harness.DeliverAsync();

        Assert.Equal([Link, CreateJob, Ready, Refused, Consume], harness.StepsRun);
        Assert.Equal([MessageNames.OrderCancellationRefused], harness.PublishedNames);
        Assert.Equal(FulfilmentOutcome.Completed, harness.Status.Outcome);
        Assert.Contains(harness.Status.Timeline, e => e.Name == "CancellationRefused");
    }

    [Fact]
    public async Task RunAsync_CancelledTwiceAfterDispatch_RefusesOnce()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingDelivery);

        await harness.CancelAsync();
        await harness.CancelAsync();

        Assert.Single(harness.Published.Named(MessageNames.OrderCancellationRefused));
        Assert.Null(harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_ReleaseRequestedForItsReservation_IsACancellation()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.RaiseAsync(WorkflowEvents.ReleaseRequested, new ReleaseInventory(harness.Steps.ReservationId, ReleaseReason.OrderCancelled));

        Assert.Equal(FulfilmentOutcome.Cancelled, harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_ReleaseRequestedForAnotherReservation_IsIgnored()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.RaiseAsync(WorkflowEvents.ReleaseRequested, new ReleaseInventory(Guid.NewGuid(), ReleaseReason.OrderCancelled));

        Assert.Equal(WorkflowStage.AwaitingPacking, harness.Status.Stage);
        Assert.Empty(harness.Steps.Releases);
    }
}
