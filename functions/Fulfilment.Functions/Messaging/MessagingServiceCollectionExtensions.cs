using Fulfilment.Functions.Inventory;
using Fulfilment.Functions.Shipping;
using Fulfilment.Functions.Workflow;
using Fulfilment.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fulfilment.Functions.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The app's <see cref="IMessagePublisher"/>: <see cref="ServiceBusPublisher"/> on the registered <c>ServiceBusClient</c>.</summary>
    public static IServiceCollection AddServiceBusPublisher(this IServiceCollection services)
    {
        services.TryAddSingleton<ServiceBusPublisher>();
        services.TryAddSingleton<IMessagePublisher>(provider => provider.GetRequiredService<ServiceBusPublisher>());
        return services;
    }

    /// <summary>What the Service Bus triggers call: the shared processor and each context's inbound messages.</summary>
    public static IServiceCollection AddInboundMessages(this IServiceCollection services)
    {
        services.TryAddSingleton<InboundMessageProcessor>();
        services.TryAddTransient<InventoryMessages>();
        services.TryAddTransient<ShippingMessages>();
        services.TryAddTransient<WorkflowMessages>();
        return services;
    }
}
