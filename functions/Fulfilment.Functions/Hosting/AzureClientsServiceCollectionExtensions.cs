using Fulfilment.Configuration;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Functions.Hosting;

public static class AzureClientsServiceCollectionExtensions
{
    /// <summary>
    /// The <c>ServiceBusClient</c> (the publisher's senders) and the domain tables' <c>TableServiceClient</c>, through
    /// Microsoft.Extensions.Azure, each from its connection's configuration section. Locally the section's own value is a
    /// connection string (the Service Bus emulator, Azurite); in Azure it is identity-based:
    /// <c>ServiceBus__fullyQualifiedNamespace</c> / <c>Tables__endpoint</c> with <c>__credential=managedidentity</c> and
    /// <c>__clientId</c> give a <c>ManagedIdentityCredential</c> of the app's identity. Both connections are checked at start.
    /// </summary>
    public static IServiceCollection AddFulfilmentAzureClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAzureClients(clients =>
        {
            // TConfiguration is IConfiguration (the builder's), so the section is passed as one.
            clients.AddServiceBusClient<AzureClientFactoryBuilder, IConfiguration>(configuration.GetSection(AppSettings.ServiceBusConnection));
            clients.AddTableServiceClient<AzureClientFactoryBuilder, IConfiguration>(configuration.GetSection(AppSettings.TablesConnection));
        });
        services.AddOptions<ClientConnectionOptions>()
            .Configure(options => options.ReadFrom(configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
