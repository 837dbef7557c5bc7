using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fulfilment.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Shared Table Storage plumbing. The host registers the <c>TableServiceClient</c> itself (identity in Azure,
    /// a connection string against Azurite).
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<TableClientFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<TableBootstrapper>();
        return services;
    }

    /// <summary>Registers a table a context owns.</summary>
    public static IServiceCollection AddTable(this IServiceCollection services, string context, string baseName) =>
        services.AddSingleton(new TableRegistration(context, baseName));
}
