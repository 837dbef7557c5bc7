using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fulfilment.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The workflow's application side: options (section "Workflow", validated at start; copied into each
    /// orchestration's input as <see cref="WorkflowSettings"/>), the steps its activities run, the shared
    /// <see cref="WorkflowRouter"/> and <see cref="WorkflowDispatcher"/>. The orchestrators themselves are static
    /// (<see cref="FulfilmentOrchestration"/>, <see cref="CancelledBeforeStartOrchestration"/>). Needs
    /// <c>AddInventory</c>, <c>AddWarehouse</c>, <c>AddShipping</c> and an <c>IMessagePublisher</c>.
    /// </summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowOptions>()
            .Bind(configuration.GetSection(WorkflowOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<WorkflowOptions>>().Value.ToSettings());
        services.TryAddSingleton<WorkflowRouter>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FulfilmentHistoryPurge>();
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
        services.TryAddTransient<CancelShipmentStep>(); // transient: it holds Shipping's typed CarrierClient
        return services;
    }
}
