using System.Collections.Concurrent;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>The in-memory host's own semantics: starts, buffered and stray events, the virtual clock, step retries.</summary>
public sealed class InMemoryWorkflowRuntimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly StepRetryPolicy ThreeAttempts = new(3, TimeSpan.FromSeconds(1), 2);
    private readonly ConcurrentQueue<string> seen = new();
    private int echoFailures;

    [Fact]
    public async Task StartAsync_SameIdTwice_SecondIsANoOp()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("a", WaitOnce);

        var second = await runtime.StartAsync("a", WaitOnce);

        Assert.Equal(StartOutcome.AlreadyExists, second);
        Assert.Equal(["a:waiting"], seen);
    }

    [Fact]
    public async Task StartAsync_FinishedId_IsNotStartedAgain()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("a", _ => Task.CompletedTask);

        var second = await runtime.StartAsync("a", WaitOnce);

        Assert.Equal(StartOutcome.AlreadyExists, second);
        Assert.Equal(WorkflowInstanceState.Completed, runtime.GetState("a"));
    }

    [Fact]
    public async Task RaiseEventAsync_WaitingInstance_DeliversAndRunsToTheNextWait()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("a", WaitOnce);

        var outcome = await runtime.RaiseEventAsync("a", "Go", "payload");

        Assert.Equal(RaiseOutcome.Delivered, outcome);
        Assert.Equal(["a:waiting", "a:Go:payload"], seen);
        Assert.Equal(WorkflowInstanceState.Completed, runtime.GetState("a"));
    }

    [Fact]
    public async Task RaiseEventAsync_EventNotWaitedForYet_IsBufferedForTheLaterWait()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("a", WaitTwice);

        var early = await runtime.RaiseEventAsync("a", "Second", "2");
        await runtime.RaiseEventAsync("a", "First", "1");

        Assert.Equal(RaiseOutcome.Buffered, early);
        Assert.Equal(["a:waiting", "a:First:1", "a:Second:2"], seen);
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ReturnsUnknownWithoutThrowing()
    {
        var runtime = NewRuntime();

        var outcome = await runtime.RaiseEventAsync("nobody", "Go", "{}");

        Assert.Equal(RaiseOutcome.UnknownInstance, outcome);
    }

    [Fact]
    public async Task RaiseEventAsync_FinishedInstance_ReturnsFinishedAndDropsIt()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("a", WaitOnce);
        await runtime.RaiseEventAsync("a", "Go", "1");

        var outcome = await runtime.RaiseEventAsync("a", "Go", "2");

        Assert.Equal(RaiseOutcome.InstanceFinished, outcome);
        Assert.Equal(["a:waiting", "a:Go:1"], seen);
    }

    [Fact]
    public async Task AdvanceAsync_PastTheDeadline_TheWaitTimesOut()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("a", WaitOnce);

        await runtime.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(["a:waiting", "a:timeout@10:00"], seen);
    }

    [Fact]
    public async Task AdvanceAsync_ShortOfTheDeadline_KeepsWaiting()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("a", WaitOnce);

        await runtime.AdvanceAsync(TimeSpan.FromMinutes(59));

        Assert.Equal(WorkflowInstanceState.Running, runtime.GetState("a"));
    }

    [Fact]
    public async Task AdvanceAsync_SeveralInstances_FiresTimersInDeadlineOrder()
    {
        var runtime = NewRuntime();
        await runtime.StartAsync("late", context => WaitUntil(context, TimeSpan.FromHours(3)));
        await runtime.StartAsync("early", context => WaitUntil(context, TimeSpan.FromHours(2)));

        await runtime.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal(["early:timeout@11:00", "late:timeout@12:00"], seen);
        Assert.Equal(Start.AddDays(1), runtime.UtcNow);
    }

    [Fact]
    public async Task CallStepAsync_FailingTwice_SucceedsOnTheThirdAttempt()
    {
        var runtime = NewRuntime();
        echoFailures = 2;

        await runtime.StartAsync("a", CallEcho);

        Assert.Equal([false, false, true], runtime.StepCalls("a").Select(c => c.Succeeded));
        Assert.Equal(["a:echo:hello"], seen);
    }

    [Fact]
    public async Task CallStepAsync_FailingEveryAttempt_ThrowsStepFailedAfterTheLast()
    {
        var runtime = NewRuntime();
        echoFailures = 3;

        await runtime.StartAsync("a", CallEcho);

        Assert.Equal(["a:failed:Echo"], seen);
        Assert.Equal(3, runtime.StepCalls("a").Count);
    }

    [Fact]
    public async Task StartAsync_OrchestrationThrows_InstanceIsFaulted()
    {
        var runtime = NewRuntime();

        await runtime.StartAsync("a", _ => throw new InvalidOperationException("defect"));

        Assert.Equal(WorkflowInstanceState.Faulted, runtime.GetState("a"));
    }

    private InMemoryWorkflowRuntime NewRuntime()
    {
        var steps = new WorkflowStepRegistry().Add<string, string>("Echo", (input, _) =>
        {
            if (echoFailures-- > 0)
            {
                throw new InvalidOperationException("down");
            }

            return Task.FromResult(input);
        });
        return new InMemoryWorkflowRuntime(steps, Start);
    }

    private async Task WaitOnce(IWorkflowContext context)
    {
        seen.Enqueue($"{context.InstanceId}:waiting");
        await Report(context, await context.WaitForEventAsync(["Go"], context.CurrentUtcDateTime.AddHours(1)));
    }

    private async Task WaitTwice(IWorkflowContext context)
    {
        seen.Enqueue($"{context.InstanceId}:waiting");
        await Report(context, await context.WaitForEventAsync(["First"], context.CurrentUtcDateTime.AddHours(1)));
        await Report(context, await context.WaitForEventAsync(["Second"], context.CurrentUtcDateTime.AddHours(1)));
    }

    private async Task WaitUntil(IWorkflowContext context, TimeSpan delay) =>
        await Report(context, await context.WaitForEventAsync(["Go"], context.CurrentUtcDateTime + delay));

    private async Task CallEcho(IWorkflowContext context)
    {
        try
        {
            seen.Enqueue($"{context.InstanceId}:echo:{await context.CallStepAsync<string>("Echo", "hello", ThreeAttempts)}");
        }
        catch (StepFailedException e)
        {
            seen.Enqueue($"{context.InstanceId}:failed:{e.StepName}");
        }
    }

    private Task Report(IWorkflowContext context, WorkflowEvent? received)
    {
        seen.Enqueue(received is null
            ? $"{context.InstanceId}:timeout@{context.CurrentUtcDateTime:HH:mm}"
            : $"{context.InstanceId}:{received.Name}:{received.Payload}");
        return Task.CompletedTask;
    }
}
