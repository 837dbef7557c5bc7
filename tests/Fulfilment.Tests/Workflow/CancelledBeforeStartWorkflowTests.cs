using Fulfilment.Contracts;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using static Fulfilment.Tests.Workflow.StepNames;

namespace Fulfilment.Tests.Workflow;

/// <summary>The instance of an order cancelled before its order-completed, on the in-memory runtime.</summary>
public sealed class CancelledBeforeStartWorkflowTests
{
    private readonly FakeSteps steps = new();
    private readonly RecordingPublisher published = new();
    private readonly OrderCancelled cancellation = new(Guid.NewGuid(), CancellationReason.Fraud, WorkflowHarness.Start);
    private readonly InMemoryWorkflowRuntime runtime;

    public CancelledBeforeStartWorkflowTests() =>
        runtime = new InMemoryWorkflowRuntime(steps.Register(new WorkflowStepRegistry(), new RecordingPublisherSteps(published)), WorkflowHarness.Start);

    private string InstanceId => WorkflowInstanceId.For(cancellation.OrderId);

    [Fact]
    public async Task RunAsync_OrderCancelled_PublishesFulfilmentCancelledNotStartedWithoutReservation()
    {
        await StartAsync();

        var message = published.Single<FulfilmentCancelled>(MessageNames.FulfilmentCancelled);
        Assert.Equal(
            (cancellation.OrderId, CancellationReason.Fraud, nameof(WorkflowStage.NotStarted), (Guid?)null),
            (message.OrderId, message.Reason, message.Stage, message.ReservationId));
    }

    [Fact]
    public async Task RunAsync_OrderCancelled_RunsNothingElseAndEndsCancelled()
    {
        await StartAsync();

        Assert.Equal([Cancelled], runtime.StepsRun(InstanceId));
        Assert.Equal((FulfilmentOutcome.Cancelled, WorkflowStage.Finished), (runtime.GetStatus(InstanceId)!.Outcome, runtime.GetStatus(InstanceId)!.Stage));
    }

    [Fact]
    public async Task RunAsync_PublishingFailsOnEveryAttempt_EndsCompensationFailed()
    {
        steps.Fail(Cancelled);

        await StartAsync();

        Assert.Equal(FulfilmentOutcome.CompensationFailed, runtime.GetStatus(InstanceId)!.Outcome);
        Assert.Contains("fulfilment-cancelled not published", runtime.GetStatus(InstanceId)!.Reason, StringComparison.Ordinal);
    }

    private Task StartAsync()
    {
        var workflow = new CancelledBeforeStartWorkflow(Microsoft.Extensions.Options.Options.Create(new WorkflowOptions { CompensationMaxAttempts = 2 }));
        return runtime.StartAsync(InstanceId, context => workflow.RunAsync(context, cancellation));
    }
}
