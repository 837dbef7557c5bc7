using System.Reflection;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Fulfilment.Functions.Hosting;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Messaging;
using Fulfilment.Functions.Messaging;
using Fulfilment.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fulfilment.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class ProgramTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddServices_WithTheSampleSettings_CreatesEveryFunctionClass()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);

        var created = FunctionClasses().Select(app.Function).ToList();

        Assert.All(created, Assert.NotNull);
        Assert.NotEmpty(created);
    }

    [Fact]
    public async Task AddServices_WithTheSampleSettings_PublishesThroughServiceBus()
    {
        await using var provider = Build(FunctionAppHost.SampleSettings());

        var publisher = provider.GetRequiredService<IMessagePublisher>();

        Assert.IsType<ServiceBusPublisher>(publisher);
    }

    [Fact]
    public async Task AddServices_IdentityBasedConnections_ClientsPointAtTheConfiguredEndpoints()
    {
        var settings = FunctionAppHost.SampleSettings();
        settings.Remove("ServiceBus");
        settings.Remove("Tables");
        settings["ServiceBus:fullyQualifiedNamespace"] = "sb-fulfilment-test.servicebus.windows.net";
        settings["ServiceBus:credential"] = "managedidentity";
        settings["ServiceBus:clientId"] = "00000000-0000-0000-0000-000000000001";
        settings["Tables:endpoint"] = "https://stfulfilmenttest.table.core.windows.net/";
        settings["Tables:credential"] = "managedidentity";
        settings["Tables:clientId"] = "00000000-0000-0000-0000-000000000001";
        await using var provider = Build(settings);

        var clients = (provider.GetRequiredService<ServiceBusClient>(), provider.GetRequiredService<TableServiceClient>());

        Assert.Equal("sb-fulfilment-test.servicebus.windows.net", clients.Item1.FullyQualifiedNamespace);
        Assert.Equal("stfulfilmenttest", clients.Item2.AccountName);
    }

    [Theory]
    [InlineData("ServiceBus", "Set ServiceBus")]
    [InlineData("Tables", "Set Tables")]
    public async Task AddServices_ConnectionMissing_FailsAtStart(string connection, string message)
    {
        var settings = FunctionAppHost.SampleSettings();
        settings.Remove(connection);
        await using var provider = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddServices_OptionOutOfRange_FailsAtStart()
    {
        var settings = FunctionAppHost.SampleSettings();
        settings["Inventory:ReservationTtl"] = "00:00:01";
        await using var provider = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ReservationTtl", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Every class of the app with a [Function] method that the worker instantiates per invocation (static ones it does not), and what the Service Bus triggers call.</summary>
    private static IEnumerable<Type> FunctionClasses() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .Concat([
                typeof(Fulfilment.Functions.Inventory.InventoryMessages), typeof(Fulfilment.Functions.Shipping.ShippingMessages),
                typeof(Fulfilment.Functions.Workflow.WorkflowMessages)]);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        Program.AddServices(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
