using Fulfilment.Contracts;
using Fulfilment.Workflow;
using static Fulfilment.Tests.Workflow.StepNames;

namespace Fulfilment.Tests.Workflow;

/// <summary>The workflow's paths on the in-memory runtime with fake context steps: steps run, events published, status.</summary>
public sealed class FulfilmentWorkflowTests
{
    [Fact]
    public async Task RunAsync_PackedShippedDelivered_CompletesAfterConsumingTheReservation()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingDelivery);

        await harness.DeliverAsync();

        Assert.Equal([Link, CreateJob, Ready, Consume], harness.StepsRun);
        Assert.Empty(harness.Published.Messages);
        Assert.Equal(FulfilmentOutcome.Completed, harness.Status.Outcome);
        Assert.Equal(harness.ShipmentId, harness.Status.ShipmentId);
        Assert.Equal("TRACK-1", harness.Status.TrackingNumber);
        Assert.Equal(harness.Steps.PickingJobId, harness.Status.PickingJobId);
        Assert.Equal(harness.Steps.ReservationId, harness.Status.ReservationId);
    }

    [Theory]
    [InlineData(LinkReservationStep.LinkOutcome.NotFound, FulfilmentFailureReason.ReservationNotFound)]
    [InlineData(LinkReservationStep.LinkOutcome.Released, FulfilmentFailureReason.ReservationReleased)]
    [InlineData(LinkReservationStep.LinkOutcome.Expired, FulfilmentFailureReason.ReservationExpired)]
    [InlineData(LinkReservationStep.LinkOutcome.LinkedToAnotherOrder, FulfilmentFailureReason.ReservationNotFound)]
    public async Task RunAsync_ReservationNotLinkable_FailsAtOnceWithNothingToCompensate(LinkReservationStep.LinkOutcome outcome, FulfilmentFailureReason expected)
    {
        var harness = new WorkflowHarness();
        harness.Steps.LinkOutcome = outcome;

        await harness.StartAsync();

        Assert.Equal([Link, Failed], harness.StepsRun);
        var failed = harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed);
        Assert.Equal((expected, nameof(WorkflowStage.LinkingReservation)), (failed.Reason, failed.Stage));
        Assert.Equal(FulfilmentOutcome.Failed, harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_ShortPick_CancelsJobAndReleasesWritingOffTheMissingUnits()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.ShortPickAsync();

        Assert.Equal([Link, CreateJob, CancelJob, Release, Failed], harness.StepsRun);
        var release = Assert.Single(harness.Steps.Releases);
        Assert.Equal((ReleaseMode.ShortPick, harness.Steps.Items[0].ProductId, 1), (release.Mode, release.ShortPickedProductId, release.MissingUnits));
        Assert.Equal(FulfilmentFailureReason.ShortPick, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Fact]
    public async Task RunAsync_NotPackedInTime_CompensatesWithPickingTimeout()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.Runtime.AdvanceAsync(harness.Options.PickingTimeout);

        Assert.Equal([Link, CreateJob, CancelJob, Release, Failed], harness.StepsRun);
        Assert.Equal("PICKING_TIMEOUT", Assert.Single(harness.Steps.Releases).Reason);
        Assert.Equal(FulfilmentFailureReason.PickingTimeout, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Fact]
    public async Task RunAsync_ClockShortOfThePickingTimeout_KeepsWaiting()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.Runtime.AdvanceAsync(harness.Options.PickingTimeout - TimeSpan.FromMinutes(1));

        Assert.Equal(WorkflowStage.AwaitingPacking, harness.Status.Stage);
    }

    [Fact]
    public async Task RunAsync_CarrierRejects_ReleasesAndFails()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingShipment);

        await harness.RejectShipmentAsync();

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], harness.StepsRun);
        Assert.Equal(FulfilmentFailureReason.CarrierRejected, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Fact]
    public async Task RunAsync_NoShipmentInTime_ReleasesAndFails()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingShipment);

        await harness.Runtime.AdvanceAsync(harness.Options.ShipmentCreationTimeout);

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], harness.StepsRun);
        Assert.Equal(FulfilmentFailureReason.ShipmentCreationTimeout, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Theory]
    [InlineData(ShipmentFailureReason.ReturnedToSender, ReleaseMode.Restock)]
    [InlineData(ShipmentFailureReason.FailedDelivery, ReleaseMode.Restock)]
    [InlineData(ShipmentFailureReason.Lost, ReleaseMode.WriteOff)]
    [InlineData(ShipmentFailureReason.Damaged, ReleaseMode.WriteOff)]
    public async Task RunAsync_ShipmentFailsAfterCreation_ReleasesByReason(ShipmentFailureReason reason, ReleaseMode expected)
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingDelivery);

        await harness.FailShipmentAsync(reason);

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], harness.StepsRun);
        Assert.Equal(expected, Assert.Single(harness.Steps.Releases).Mode);
        Assert.Equal(FulfilmentFailureReason.ShipmentFailed, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Fact]
    public async Task RunAsync_NotDeliveredInTime_WritesOffAndFails()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingDelivery);

        await harness.Runtime.AdvanceAsync(harness.Options.DeliveryTimeout);

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], harness.StepsRun);
        Assert.Equal(ReleaseMode.WriteOff, Assert.Single(harness.Steps.Releases).Mode);
        Assert.Equal(FulfilmentFailureReason.DeliveryTimeout, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Fact]
    public async Task RunAsync_DeliveredWithoutShipmentCreated_ConsumesAndCompletesWithTheShipmentId()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingShipment);

        await harness.DeliverAsync();

        Assert.Equal([Link, CreateJob, Ready, Consume], harness.StepsRun);
        Assert.Equal((FulfilmentOutcome.Completed, harness.ShipmentId), (harness.Status.Outcome, harness.Status.ShipmentId));
    }

    [Fact]
    public async Task RunAsync_DeliveredWhileAwaitingPacking_IsKeptAndCompletesAfterPacking()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);
        var early = await harness.DeliverAsync();

        await harness.PackAsync();

        Assert.Equal(RaiseOutcome.Buffered, early);
        Assert.Equal([Link, CreateJob, Ready, Consume], harness.StepsRun);
    }

    [Fact]
    public async Task RunAsync_ShipmentCreatedAfterDelivery_FindsTheInstanceFinished()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingShipment);
        await harness.DeliverAsync();

        var late = await harness.CreateShipmentAsync();

        Assert.Equal(RaiseOutcome.InstanceFinished, late);
        Assert.Equal([Link, CreateJob, Ready, Consume], harness.StepsRun);
    }

    [Fact]
    public async Task RunAsync_ShipmentCreatedBeforePacking_IsConsumedAfterPacking()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.CreateShipmentAsync();
        await harness.PackAsync();

        Assert.Equal(WorkflowStage.AwaitingDelivery, harness.Status.Stage);
    }

    [Fact]
    public async Task RunAsync_PackedTwice_TheDuplicateIsIgnored()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingShipment);

        await harness.PackAsync();
        await harness.CreateShipmentAsync();
        await harness.DeliverAsync();

        Assert.Equal([Link, CreateJob, Ready, Consume], harness.StepsRun);
        Assert.Equal(FulfilmentOutcome.Completed, harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_PackedForAnotherJob_KeepsWaiting()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.PackAsync(pickingJobId: Guid.NewGuid());

        Assert.Equal([Link, CreateJob], harness.StepsRun);
        Assert.Equal(WorkflowStage.AwaitingPacking, harness.Status.Stage);
    }

    [Fact]
    public async Task RunAsync_DeliveredForAnotherShipment_KeepsWaiting()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingDelivery);

        await harness.DeliverAsync(shipmentId: Guid.NewGuid());

        Assert.Equal(WorkflowStage.AwaitingDelivery, harness.Status.Stage);
    }

    [Fact]
    public async Task RunAsync_StepFailsTransiently_RetriesAndGoesOn()
    {
        var harness = new WorkflowHarness();
        harness.Steps.Fail(CreateJob, times: 2);

        await harness.StartAsync();

        Assert.Equal([Link, CreateJob], harness.StepsRun);
        Assert.Equal(3, harness.Runtime.StepCalls(harness.InstanceId).Count(c => c.Step == CreateJob));
        Assert.Equal(WorkflowStage.AwaitingPacking, harness.Status.Stage);
    }

    [Fact]
    public async Task RunAsync_ForwardStepFailsOnEveryAttempt_CompensatesWithStepFailed()
    {
        var harness = new WorkflowHarness();
        harness.Steps.Fail(CreateJob);

        await harness.StartAsync();

        Assert.Equal([Link, CancelJob, Release, Failed], harness.StepsRun);
        Assert.Equal(FulfilmentFailureReason.StepFailed, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
        Assert.Equal(FulfilmentOutcome.Failed, harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_CompensationFailsOnEveryAttempt_EndsCompensationFailedWithTheReason()
    {
        var harness = new WorkflowHarness();
        harness.Steps.Fail(CancelJob);
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.CancelAsync();

        Assert.Equal([Link, CreateJob, Failed], harness.StepsRun);
        Assert.Equal(FulfilmentOutcome.CompensationFailed, harness.Status.Outcome);
        Assert.Contains("CancelPickingJobStep failed", harness.Status.Reason, StringComparison.Ordinal);
        Assert.Contains("not run: ReleaseReservation", harness.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(FulfilmentFailureReason.CompensationFailed, harness.Published.Single<FulfilmentFailed>(MessageNames.FulfilmentFailed).Reason);
    }

    [Fact]
    public async Task RunAsync_OutcomeCannotBePublished_EndsCompensationFailed()
    {
        var harness = new WorkflowHarness();
        harness.Steps.Fail(Cancelled);
        await harness.RunToAsync(WorkflowStage.AwaitingPacking);

        await harness.CancelAsync();

        Assert.Equal([Link, CreateJob, CancelJob, Release], harness.StepsRun);
        Assert.Empty(harness.Published.Messages);
        Assert.Equal(FulfilmentOutcome.CompensationFailed, harness.Status.Outcome);
    }

    [Fact]
    public async Task RunAsync_EveryStage_IsOnTheTimelineWithItsTime()
    {
        var harness = new WorkflowHarness();
        await harness.RunToAsync(WorkflowStage.AwaitingDelivery);
        await harness.Runtime.AdvanceAsync(TimeSpan.FromHours(5));

        await harness.DeliverAsync();

        var timeline = harness.Status.Timeline;
        Assert.Equal(
            [Link, CreateJob, WorkflowEvents.OrderPacked, Ready, WorkflowEvents.ShipmentCreated, WorkflowEvents.ShipmentDelivered, Consume, nameof(FulfilmentOutcome.Completed)],
            timeline.Select(e => e.Name));
        Assert.Equal(WorkflowHarness.Start.AddHours(5), timeline[^1].At);
    }
}
