using Fulfilment.Workflow;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// Moq over <see cref="TaskOrchestrationContext"/> where the exact activity input is the point: what the
/// orchestrator asks of a step when the engine cannot show it (a lost answer, the retry policy in force).
/// </summary>
public sealed class FulfilmentOrchestrationInputTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Run_LinkAnswerLostForACartReference_ReleasesTheReservationTheCartNames()
    {
        var order = new FulfilmentOrderBuilder().WithCart(Guid.NewGuid()).Build() with { ReservationId = Guid.NewGuid() };
        var context = Context();
        context.Setup(c => c.CallActivityAsync<LinkReservationStep.Result>(nameof(LinkReservationStep), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(LinkReservationStep), 1, new TaskFailureDetails("TimeoutException", "response lost", null, null, null)));
        ReleaseReservationStep.Request? release = null;
        context.Setup(c => c.CallActivityAsync<ReleaseReservationStep.Result>(nameof(ReleaseReservationStep), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => release = (ReleaseReservationStep.Request?)input)
            .ReturnsAsync(new ReleaseReservationStep.Result("released"));
        context.Setup(c => c.CallActivityAsync<PublishedMessage>(nameof(PublishFulfilmentFailedStep), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new PublishedMessage("fulfilment-failed", "m1"));

        var status = await FulfilmentOrchestration.RunAsync(context.Object, new FulfilmentInput(order, WorkflowEngineHarness.Settings));

        Assert.Equal((order.OrderId, order.ReservationId, ReleaseMode.Restock), (release!.OrderId, release.ReservationId, release.Mode));
        Assert.Equal(FulfilmentOutcome.Failed, status.Outcome);
    }

    [Fact]
    public async Task Run_Steps_UseTheRetryPolicyFromTheInput()
    {
        var order = new FulfilmentOrderBuilder().Build();
        var settings = WorkflowEngineHarness.Settings with { StepRetry = new RetrySettings(7, TimeSpan.FromSeconds(3), 1.5) };
        var context = Context();
        TaskOptions? options = null;
        context.Setup(c => c.CallActivityAsync<LinkReservationStep.Result>(nameof(LinkReservationStep), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, _, o) => options = o)
            .ReturnsAsync(new LinkReservationStep.Result(LinkReservationStep.LinkOutcome.NotFound, null, []));
        context.Setup(c => c.CallActivityAsync<PublishedMessage>(nameof(PublishFulfilmentFailedStep), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new PublishedMessage("fulfilment-failed", "m1"));

        await FulfilmentOrchestration.RunAsync(context.Object, new FulfilmentInput(order, settings));

        var policy = options!.Retry!.Policy!;
        Assert.Equal((7, TimeSpan.FromSeconds(3), 1.5), (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient));
    }

    private static Mock<TaskOrchestrationContext> Context()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.SetupGet(c => c.InstanceId).Returns("fulfilment-test");
        context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        return context;
    }
}
