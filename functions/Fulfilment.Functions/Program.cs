using Fulfilment.Functions.Hosting;
using Fulfilment.Functions.Messaging;
using Fulfilment.Inventory;
using Fulfilment.Shipping;
using Fulfilment.Storage;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fulfilment.Functions;

/// <summary>
/// The Function App's table of contents: the isolated worker with ASP.NET Core integration, then every service the
/// triggers use. The tests build the same container (<see cref="AddServices"/>) over Azurite.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        AddServices(builder.Services, builder.Configuration);
        builder.Build().Run();
    }

    /// <summary>Telemetry, the Azure clients, the core's contexts and its workflow, and the adapters' own services.</summary>
    public static IServiceCollection AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddFulfilmentTelemetry(configuration)
        .AddFulfilmentAzureClients(configuration)
        .AddServiceBusPublisher()
        .AddTableStorage(configuration)
        .AddInventory(configuration)
        .AddWarehouse(configuration)
        .AddShipping(configuration)
        .AddWorkflow(configuration)
        .AddInboundMessages();
}
