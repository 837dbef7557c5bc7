using Azure.Data.Tables;
using Fulfilment.Messaging;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fulfilment.Tests.Warehouse;

public sealed class WarehouseServiceCollectionExtensionsTests
{
    [Fact]
    public void AddWarehouse_DefaultConfiguration_ResolvesBothHandlers()
    {
        using var provider = Build([]);

        Assert.NotNull(provider.GetRequiredService<PickingJobHandler>());
        Assert.NotNull(provider.GetRequiredService<PickingFloorHandler>());
    }

    [Fact]
    public void AddWarehouse_Always_RegistersThePickingJobsTable()
    {
        using var provider = Build([]);

        Assert.Contains(new TableRegistration(WarehouseOptions.Section, PickingJobStore.TableName), provider.GetServices<TableRegistration>());
    }

    [Fact]
    public void AddWarehouse_PageSizesFromConfiguration_Bound()
    {
        using var provider = Build(new() { ["Warehouse:DefaultPageSize"] = "7", ["Warehouse:MaxPageSize"] = "50" });

        var options = provider.GetRequiredService<IOptions<WarehouseOptions>>().Value;

        Assert.Equal((7, 50), (options.DefaultPageSize, options.MaxPageSize));
    }

    [Theory]
    [InlineData("0", "100")]
    [InlineData("20", "1001")]
    [InlineData("50", "10")]
    public void AddWarehouse_PageSizesOutOfRange_FailValidation(string defaultPageSize, string maxPageSize)
    {
        using var provider = Build(new() { ["Warehouse:DefaultPageSize"] = defaultPageSize, ["Warehouse:MaxPageSize"] = maxPageSize });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WarehouseOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new TableServiceClient("UseDevelopmentStorage=true"));
        services.AddSingleton<IMessagePublisher>(new RecordingPublisher());
        services.AddTableStorage(configuration);
        services.AddWarehouse(configuration);
        return services.BuildServiceProvider();
    }
}
