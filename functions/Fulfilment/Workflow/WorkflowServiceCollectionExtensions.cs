using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fulfilment.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The workflow: options (section "Workflow", validated at start), the two orchestrations
    /// (<see cref="FulfilmentWorkflow"/>, <see cref="CancelledBeforeStartWorkflow"/>), their steps (also as a
    /// <see cref="WorkflowStepRegistry"/> for in-process hosts), the shared <see cref="WorkflowRouter"/> and
    /// <see cref="WorkflowDispatcher"/>. Needs
    /// <c>AddInventory</c>, <c>AddWarehouse</c> and an <c>IMessagePublisher</c>.
    /// </summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowOptions>()
            .Bind(configuration.GetSection(WorkflowOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<FulfilmentWorkflow>();
        services.TryAddSingleton<CancelledBeforeStartWorkflow>();
        services.TryAddSingleton<WorkflowRouter>();
        services.TryAddSingleton<WorkflowDispatcher>();
        services.TryAddSingleton<LinkReservationStep>();
        services.TryAddSingleton<CreatePickingJobStep>();
        services.TryAddSingleton<CancelPickingJobStep>();
        services.TryAddSingleton<PublishReadyForShippingStep>();
        services.TryAddSingleton<ConsumeReservationStep>();
        services.TryAddSingleton<ReleaseReservationStep>();
        services.TryAddSingleton<PublishFulfilmentFailedStep>();
        services.TryAddSingleton<PublishFulfilmentCancelledStep>();
        services.TryAddSingleton<PublishCancellationRefusedStep>();
        services.TryAddSingleton(provider => new WorkflowStepRegistry()
            .Add(provider.GetRequiredService<LinkReservationStep>())
            .Add(provider.GetRequiredService<CreatePickingJobStep>())
            .Add(provider.GetRequiredService<CancelPickingJobStep>())
            .Add(provider.GetRequiredService<PublishReadyForShippingStep>())
            .Add(provider.GetRequiredService<ConsumeReservationStep>())
            .Add(provider.GetRequiredService<ReleaseReservationStep>())
            .Add(provider.GetRequiredService<PublishFulfilmentFailedStep>())
            .Add(provider.GetRequiredService<PublishFulfilmentCancelledStep>())
            .Add(provider.GetRequiredService<PublishCancellationRefusedStep>()));
        return services;
    }
}
