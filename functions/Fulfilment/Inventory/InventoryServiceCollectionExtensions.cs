using Fulfilment.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Inventory;

public static class InventoryServiceCollectionExtensions
{
    /// <summary>
    /// The Inventory context: options (section "Inventory", validated at start), its table, its handlers and the
    /// reservation ledger the workflow calls. Needs <c>AddTableStorage</c>, a <c>TableServiceClient</c> and an
    /// <c>IMessagePublisher</c> from the host.
    /// </summary>
    public static IServiceCollection AddInventory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InventoryOptions>()
            .Bind(configuration.GetSection(InventoryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTable("Inventory", InventoryTable.BaseName);
        services.AddSingleton<InventoryTable>();
        services.AddSingleton<ReservationLedger>();
        services.AddSingleton<ReserveInventoryHandler>();
        services.AddSingleton<ReleaseInventoryHandler>();
        services.AddSingleton<GetStockLevelHandler>();
        services.AddSingleton<ExpireReservationsHandler>();
        services.AddSingleton<StockAdministration>();
        return services;
    }
}
