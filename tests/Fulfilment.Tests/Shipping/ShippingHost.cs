using Azure.Data.Tables;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Tests.Shipping;

/// <summary>
/// The Shipping system wired exactly as the Function App wires it (<c>AddShipping</c> from configuration), on fresh
/// Azurite tables, a recording publisher and a carrier base URL (the fake carrier's). Resilience delays are tiny.
/// </summary>
public sealed class ShippingHost : IAsyncDisposable
{
    public const string Secret = "current-callback-secret-0123456789";
    public const string PreviousSecret = "previous-callback-secret-9876543210";
    public const string ApiKey = "test-api-key-not-a-real-one";

    private readonly ServiceProvider provider;
    private FakeCarrier? ownCarrier;

    private ShippingHost(ServiceProvider provider, TableClientFactory tables)
    {
        this.provider = provider;
        Tables = tables;
        Table = tables.Get(ShipmentStore.TableName);
    }

    /// <summary>The fake carrier this host owns (and stops on dispose), when started by <see cref="WithFakeCarrierAsync"/>.</summary>
    public FakeCarrier Carrier => ownCarrier ?? throw new InvalidOperationException("This host was started without its own fake carrier.");

    public RecordingPublisher Publisher => provider.GetRequiredService<RecordingPublisher>();

    public TableClient Table { get; }

    /// <summary>The tables this host runs on: another host on them is another process of the same app.</summary>
    public TableClientFactory Tables { get; }

    public ShipmentStore Store => Get<ShipmentStore>();

    public OrderReadyForShippingHandler ReadyForShipping => Get<OrderReadyForShippingHandler>();

    public CreateShipmentHandler CreateShipment => Get<CreateShipmentHandler>();

    public CarrierCallbackHandler Callbacks => Get<CarrierCallbackHandler>();

    public ShipmentCancellation Cancellation => Get<ShipmentCancellation>();

    /// <summary>A host with a fake carrier of its own on loopback HTTP (<see cref="Carrier"/>), on fresh tables or <paramref name="tables"/>.</summary>
    public static async Task<ShippingHost> WithFakeCarrierAsync(AzuriteFixture azurite, TableClientFactory? tables = null)
    {
        var carrier = await FakeCarrier.StartAsync();
        var host = await StartAsync(tables ?? azurite.NewTables(), carrier.BaseAddress);
        host.ownCarrier = carrier;
        return host;
    }

    public static Task<ShippingHost> StartAsync(AzuriteFixture azurite, Uri carrierBaseUrl, IDictionary<string, string?>? overrides = null) =>
        StartAsync(azurite.NewTables(), carrierBaseUrl, overrides);

    /// <summary>
    /// A Shipping instance on the given tables: two of them on the same tables are two processes of one app; a factory
    /// whose client carries extra pipeline policies adds, say, a competing writer.
    /// </summary>
    public static async Task<ShippingHost> StartAsync(TableClientFactory tables, Uri carrierBaseUrl, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shipping:CarrierBaseUrl"] = carrierBaseUrl.ToString(),
            ["Shipping:CarrierApiKey"] = ApiKey,
            ["Shipping:CarrierName"] = "fake-carrier",
            ["Shipping:CallbackSecret"] = Secret,
            ["Shipping:PreviousCallbackSecret"] = PreviousSecret,
            ["Shipping:CarrierAttemptTimeout"] = "00:00:05",
            ["Shipping:CarrierTotalTimeout"] = "00:00:20",
            ["Shipping:CarrierMaxRetries"] = "2",
            ["Shipping:CarrierRetryDelay"] = "00:00:00.001",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await tables.CreateIfNotExistsAsync(ShipmentStore.TableName, CancellationToken.None);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(tables)
            .AddSingleton<RecordingPublisher>()
            .AddSingleton<IMessagePublisher>(p => p.GetRequiredService<RecordingPublisher>())
            .AddShipping(configuration);
        return new ShippingHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), tables);
    }

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>Every row of the Shipments table with its ETag: equal snapshots mean nothing was written.</summary>
    public IReadOnlyList<string> Snapshot() =>
        Table.Query<TableEntity>().Select(e => $"{e.PartitionKey}/{e.RowKey}@{e.ETag}").Order(StringComparer.Ordinal).ToArray();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (ownCarrier is not null)
        {
            await ownCarrier.DisposeAsync();
        }
    }
}
