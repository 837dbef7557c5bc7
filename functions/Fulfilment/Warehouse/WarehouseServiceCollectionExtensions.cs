using Fulfilment.Messaging;
using Fulfilment.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fulfilment.Warehouse;

public static class WarehouseServiceCollectionExtensions
{
    /// <summary>
    /// The Warehouse context: options (section "Warehouse"), its table, its store and handlers. The host provides
    /// the table storage plumbing (<c>AddTableStorage</c>) and an <see cref="IMessagePublisher"/>. Its outbox
    /// (<see cref="PickingFloorOutbox"/>) joins the <see cref="OutboxDrain"/>.
    /// </summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarehouseOptions>()
            .Bind(configuration.GetSection(WarehouseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTable(WarehouseOptions.Section, PickingJobStore.TableName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PickingJobStore>();
        services.TryAddSingleton<PickingJobHandler>();
        services.TryAddSingleton<PickingFloorHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutbox, PickingFloorOutbox>());
        services.TryAddSingleton<OutboxDrain>();
        return services;
    }
}
