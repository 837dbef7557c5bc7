using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Workflow;

/// <summary>
/// The workflow on a Durable worker that is not the Function App (the in-process engine of the tests and the
/// sandbox): both orchestrators and one activity per step, under the names the Function App's <c>[Function]</c>
/// wrappers use (a test compares them). Steps come from <paramref name="services"/>: the application's container,
/// where <c>AddWorkflow</c> registered them.
/// </summary>
public static class WorkflowRegistration
{
    /// <summary>The orchestrator names, as persisted in Durable history.</summary>
    public static IReadOnlyList<string> OrchestratorNames { get; } = [FulfilmentOrchestration.Name, CancelledBeforeStartOrchestration.Name];

    /// <summary>The activity names (each step's class name), as persisted in Durable history.</summary>
    public static IReadOnlyList<string> ActivityNames { get; } =
    [
        nameof(LinkReservationStep),
        nameof(CreatePickingJobStep),
        nameof(CancelPickingJobStep),
        nameof(PublishReadyForShippingStep),
        nameof(ConsumeReservationStep),
        nameof(ReleaseReservationStep),
        nameof(PublishFulfilmentFailedStep),
        nameof(PublishFulfilmentCancelledStep),
        nameof(PublishCancellationRefusedStep),
        nameof(CancelShipmentStep),
    ];

    public static DurableTaskRegistry AddFulfilmentWorkflow(this DurableTaskRegistry registry, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        return registry
            .AddOrchestratorFunc<FulfilmentInput, FulfilmentStatus>(FulfilmentOrchestration.Name, FulfilmentOrchestration.RunAsync)
            .AddOrchestratorFunc<CancelledBeforeStartInput, FulfilmentStatus>(CancelledBeforeStartOrchestration.Name, CancelledBeforeStartOrchestration.RunAsync)
            .AddStep<LinkReservationStep, LinkReservationStep.Request, LinkReservationStep.Result>(services)
            .AddStep<CreatePickingJobStep, CreatePickingJobStep.Request, CreatePickingJobStep.Result>(services)
            .AddStep<CancelPickingJobStep, CancelPickingJobStep.Request, CancelPickingJobStep.Result>(services)
            .AddStep<PublishReadyForShippingStep, PublishReadyForShippingStep.Request, PublishReadyForShippingStep.Result>(services)
            .AddStep<ConsumeReservationStep, ConsumeReservationStep.Request, ConsumeReservationStep.Result>(services)
            .AddStep<ReleaseReservationStep, ReleaseReservationStep.Request, ReleaseReservationStep.Result>(services)
            .AddStep<PublishFulfilmentFailedStep, Contracts.FulfilmentFailed, PublishedMessage>(services)
            .AddStep<PublishFulfilmentCancelledStep, Contracts.FulfilmentCancelled, PublishedMessage>(services)
            .AddStep<PublishCancellationRefusedStep, Contracts.OrderCancellationRefused, PublishedMessage>(services)
            .AddStep<CancelShipmentStep, CancelShipmentStep.Request, CancelShipmentStep.Result>(services);
    }

    private static DurableTaskRegistry AddStep<TStep, TRequest, TResult>(this DurableTaskRegistry registry, IServiceProvider services)
        where TStep : class, IWorkflowStep<TRequest, TResult> =>
        registry.AddActivity(typeof(TStep).Name, _ => new StepActivity<TRequest, TResult>(services.GetRequiredService<TStep>()));
}
