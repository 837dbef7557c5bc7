using System.Collections.Concurrent;
using Fulfilment.Contracts;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// Hand-written fakes of the steps that reach the contexts (the publishing steps are the real ones, over a
/// <c>RecordingPublisher</c>), with failure injection per step and a record of every compensation request.
/// </summary>
internal sealed class FakeSteps
{
    private readonly ConcurrentDictionary<string, int> failuresLeft = new();

    public LinkReservationStep.LinkOutcome LinkOutcome { get; set; } = LinkReservationStep.LinkOutcome.Linked;

    public Guid ReservationId { get; } = Guid.NewGuid();

    public Guid PickingJobId { get; } = Guid.NewGuid();

    public IReadOnlyList<LineItem> Items { get; } = [new(Guid.NewGuid(), 2)];

    public ConcurrentQueue<ReleaseReservationStep.Request> Releases { get; } = new();

    /// <summary>Runs inside CreatePickingJobStep: lets a test raise an event while the workflow is busy.</summary>
    public Func<Task>? DuringCreatePickingJob { get; set; }

    public ConcurrentQueue<CancelPickingJobStep.Request> Cancellations { get; } = new();

    /// <summary>Makes <paramref name="step"/> throw on its next <paramref name="times"/> attempts (default: always).</summary>
    public void Fail(string step, int times = int.MaxValue) => failuresLeft[step] = times;

    public WorkflowStepRegistry Register(WorkflowStepRegistry registry, RecordingPublisherSteps publishing)
    {
        Add<LinkReservationStep.Request, LinkReservationStep.Result>(registry, nameof(LinkReservationStep), _ =>
            new(LinkOutcome, LinkOutcome == LinkReservationStep.LinkOutcome.Linked ? ReservationId : null, Items));
        AddAsync<CreatePickingJobStep.Request, CreatePickingJobStep.Result>(registry, nameof(CreatePickingJobStep), async (_, _) =>
        {
            if (DuringCreatePickingJob is { } during)
            {
                await during();
            }

            return new(PickingJobId);
        });
        Add<CancelPickingJobStep.Request, CancelPickingJobStep.Result>(registry, nameof(CancelPickingJobStep), request =>
        {
            Cancellations.Enqueue(request);
            return new(true, "cancelled");
        });
        Add<PublishReadyForShippingStep.Request, PublishReadyForShippingStep.Result>(registry, nameof(PublishReadyForShippingStep), _ => new(1));
        Add<ConsumeReservationStep.Request, ConsumeReservationStep.Result>(registry, nameof(ConsumeReservationStep), _ => new("consumed"));
        Add<ReleaseReservationStep.Request, ReleaseReservationStep.Result>(registry, nameof(ReleaseReservationStep), request =>
        {
            Releases.Enqueue(request);
            return new(request.Mode.ToString());
        });
        AddAsync<FulfilmentFailed, PublishedMessage>(registry, nameof(PublishFulfilmentFailedStep), publishing.Failed.RunAsync);
        AddAsync<FulfilmentCancelled, PublishedMessage>(registry, nameof(PublishFulfilmentCancelledStep), publishing.Cancelled.RunAsync);
        AddAsync<OrderCancellationRefused, PublishedMessage>(registry, nameof(PublishCancellationRefusedStep), publishing.Refused.RunAsync);
        return registry;
    }

    private void Add<TRequest, TResult>(WorkflowStepRegistry registry, string name, Func<TRequest, TResult> run) =>
        AddAsync<TRequest, TResult>(registry, name, (request, _) => Task.FromResult(run(request)));

    private void AddAsync<TRequest, TResult>(WorkflowStepRegistry registry, string name, Func<TRequest, CancellationToken, Task<TResult>> run) =>
        registry.Add<TRequest, TResult>(name, (request, cancellationToken) =>
        {
            if (failuresLeft.TryGetValue(name, out var left) && left > 0)
            {
                failuresLeft[name] = left - 1;
                throw new InvalidOperationException($"{name} is down");
            }

            return run(request, cancellationToken);
        });
}
