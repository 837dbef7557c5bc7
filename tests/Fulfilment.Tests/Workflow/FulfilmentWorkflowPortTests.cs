using Fulfilment.Contracts;
using Fulfilment.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// The workflow against a mocked runtime port, the way Durable orchestrators are unit-tested against a mocked
/// <c>TaskOrchestrationContext</c>: what it asks its host to do, with which inputs, deadlines and retry policies.
/// </summary>
public sealed class FulfilmentWorkflowPortTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private readonly WorkflowOptions options = new();
    private readonly FulfilmentOrder order = new FulfilmentOrderBuilder().Build();
    private readonly Guid reservationId = Guid.NewGuid();
    private readonly Guid pickingJobId = Guid.NewGuid();
    private readonly Mock<IWorkflowContext> context = new(MockBehavior.Strict);
    private readonly List<FulfilmentStatus> statuses = [];

    public FulfilmentWorkflowPortTests()
    {
        context.SetupGet(c => c.InstanceId).Returns(order.InstanceId);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.SetupGet(c => c.Logger).Returns(NullLogger.Instance);
        context.Setup(c => c.SetStatus(It.IsAny<FulfilmentStatus>())).Callback<FulfilmentStatus>(statuses.Add);
        context.Setup(c => c.CallStepAsync<LinkReservationStep.Result>(nameof(LinkReservationStep), It.IsAny<object>(), It.IsAny<StepRetryPolicy>()))
            .ReturnsAsync(new LinkReservationStep.Result(LinkReservationStep.LinkOutcome.Linked, reservationId, [new LineItem(Guid.NewGuid(), 1)]));
        context.Setup(c => c.CallStepAsync<CreatePickingJobStep.Result>(nameof(CreatePickingJobStep), It.IsAny<object>(), It.IsAny<StepRetryPolicy>()))
            .ReturnsAsync(new CreatePickingJobStep.Result(pickingJobId));
        context.Setup(c => c.CallStepAsync<CancelPickingJobStep.Result>(nameof(CancelPickingJobStep), It.IsAny<object>(), It.IsAny<StepRetryPolicy>()))
            .ReturnsAsync(new CancelPickingJobStep.Result(true, "cancelled"));
        context.Setup(c => c.CallStepAsync<ReleaseReservationStep.Result>(nameof(ReleaseReservationStep), It.IsAny<object>(), It.IsAny<StepRetryPolicy>()))
            .ReturnsAsync(new ReleaseReservationStep.Result("released"));
        context.Setup(c => c.CallStepAsync<PublishedMessage>(It.IsAny<string>(), It.IsAny<object>(), It.IsAny<StepRetryPolicy>()))
            .ReturnsAsync(new PublishedMessage("any", "id"));
    }

    [Fact]
    public async Task RunAsync_AwaitingPacking_WaitsForPackingEventsUntilThePickingTimeout()
    {
        WaitReturns(null);

        await RunAsync();

        context.Verify(c => c.WaitForEventAsync(
            It.Is<IReadOnlyList<string>>(n => n.SequenceEqual(new[] { WorkflowEvents.OrderPacked, WorkflowEvents.OrderShortPicked, WorkflowEvents.OrderCancelled, WorkflowEvents.ReleaseRequested })),
            Now + options.PickingTimeout));
    }

    [Fact]
    public async Task RunAsync_PickingTimesOut_CancelsTheJobWithTheReason()
    {
        WaitReturns(null);

        await RunAsync();

        context.Verify(c => c.CallStepAsync<CancelPickingJobStep.Result>(
            nameof(CancelPickingJobStep), new CancelPickingJobStep.Request(order.OrderId, "PICKING_TIMEOUT"), options.CompensationRetry));
    }

    [Fact]
    public async Task RunAsync_PickingTimesOut_ReleasesTheLinkedReservationToStock()
    {
        WaitReturns(null);

        await RunAsync();

        context.Verify(c => c.CallStepAsync<ReleaseReservationStep.Result>(
            nameof(ReleaseReservationStep), new ReleaseReservationStep.Request(order.OrderId, reservationId, ReleaseMode.Restock, "PICKING_TIMEOUT"), options.CompensationRetry));
    }

    [Fact]
    public async Task RunAsync_PickingTimesOut_PublishesFulfilmentFailedLast()
    {
        WaitReturns(null);

        await RunAsync();

        var expected = new FulfilmentFailed(order.OrderId, FulfilmentFailureReason.PickingTimeout, nameof(WorkflowStage.AwaitingPacking),
            new DateTimeOffset(Now), reservationId, $"not packed within {options.PickingTimeout}");
        context.Verify(c => c.CallStepAsync<PublishedMessage>(nameof(PublishFulfilmentFailedStep), expected, options.CompensationRetry));
        Assert.Equal(FulfilmentOutcome.Failed, statuses[^1].Outcome);
    }

    [Fact]
    public async Task RunAsync_ForwardSteps_UseTheStepRetryPolicy()
    {
        WaitReturns(null);

        await RunAsync();

        context.Verify(c => c.CallStepAsync<CreatePickingJobStep.Result>(
            nameof(CreatePickingJobStep), It.Is<CreatePickingJobStep.Request>(r => r.OrderId == order.OrderId), options.StepRetry));
    }

    [Fact]
    public async Task RunAsync_ReleaseKeepsFailing_EndsCompensationFailed()
    {
        WaitReturns(null);
        context.Setup(c => c.CallStepAsync<ReleaseReservationStep.Result>(nameof(ReleaseReservationStep), It.IsAny<object>(), It.IsAny<StepRetryPolicy>()))
            .ThrowsAsync(new StepFailedException(nameof(ReleaseReservationStep), "table unavailable"));

        var status = await RunAsync();

        Assert.Equal(FulfilmentOutcome.CompensationFailed, status.Outcome);
        Assert.Equal("ReleaseReservationStep failed while compensating PICKING_TIMEOUT: table unavailable", status.Reason);
    }

    [Fact]
    public async Task RunAsync_Finished_LastStatusSetIsTheResult()
    {
        WaitReturns(null);

        var status = await RunAsync();

        Assert.Same(status, statuses[^1]);
    }

    private void WaitReturns(WorkflowEvent? received) =>
        context.Setup(c => c.WaitForEventAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<DateTime>())).ReturnsAsync(received);

    private Task<FulfilmentStatus> RunAsync() => new FulfilmentWorkflow(Options.Create(options)).RunAsync(context.Object, order);
}
