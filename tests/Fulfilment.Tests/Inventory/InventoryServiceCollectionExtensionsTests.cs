using Azure.Data.Tables;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fulfilment.Tests.Inventory;

public sealed class InventoryServiceCollectionExtensionsTests
{
    [Fact]
    public void AddInventory_Defaults_ResolvesHandlersWithThirtyMinuteTtl()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<InventoryOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(30), options.ReservationTtl);
        Assert.NotNull(provider.GetRequiredService<ReserveInventoryHandler>());
        Assert.NotNull(provider.GetRequiredService<ExpireReservationsHandler>());
        Assert.Contains(provider.GetServices<TableRegistration>(), t => t.BaseName == InventoryTable.BaseName && TableNames.ValidName().IsMatch(t.BaseName));
    }

    [Fact]
    public void AddInventory_ZeroTtl_FailsValidation()
    {
        using var provider = Build(new() { ["Inventory:ReservationTtl"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InventoryOptions>>().Value);

        Assert.Contains(nameof(InventoryOptions.ReservationTtl), error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(new TableServiceClient("UseDevelopmentStorage=true"));
        services.AddSingleton<IMessagePublisher>(new RecordingPublisher());
        services.AddTableStorage(configuration).AddInventory(configuration);
        return services.BuildServiceProvider();
    }
}
