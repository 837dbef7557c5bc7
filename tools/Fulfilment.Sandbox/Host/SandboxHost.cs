using Azure.Core;
using Azure.Data.Tables;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Bus;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Shipping;
using Fulfilment.Storage;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// The whole of Fulfilment in one process: the real handlers, workflow and Table Storage code, wired as the
/// Function App wires them, with two stand-ins: <see cref="InProcessBus"/> for Service Bus and
/// <see cref="InMemoryWorkflowRuntime"/> (virtual clock) for Durable Functions. Plus a fake carrier on loopback HTTP.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    /// <summary>The sandbox's callback secret: a local value, not a secret.</summary>
    public const string CallbackSecret = "sandbox-callback-secret-local-only";

    private readonly AzuriteProcess? azurite;
    private readonly ServiceProvider services;
    private readonly SandboxSettings settings;

    private SandboxHost(SandboxSettings settings, AzuriteProcess? azurite, FakeCarrier carrier, ServiceProvider services, SandboxClock clock)
    {
        this.settings = settings;
        this.azurite = azurite;
        this.services = services;
        Carrier = carrier;
        Clock = clock;
        Bus = services.GetRequiredService<InProcessBus>();
        StorageOperations = services.GetRequiredService<TableOperationCounter>();
        StorageFaults = services.GetRequiredService<StorageFaultInjector>();
        Runtime = new InMemoryWorkflowRuntime(Get<WorkflowStepRegistry>(), settings.Start, Get<ILoggerFactory>());
        clock.Follow(() => Runtime.UtcNow);
        Floor = new PickingFloorScript(Get<PickingFloorHandler>());
        new MessageDispatch(this).SubscribeAll();
    }

    public InProcessBus Bus { get; }

    public InMemoryWorkflowRuntime Runtime { get; }

    public FakeCarrier Carrier { get; }

    public SandboxClock Clock { get; }

    public PickingFloorScript Floor { get; }

    public TableOperationCounter StorageOperations { get; }

    public StorageFaultInjector StorageFaults { get; }

    public static async Task<SandboxHost> StartAsync(SandboxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var azurite = settings.StorageConnectionString is null ? await AzuriteProcess.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        var carrier = await FakeCarrier.StartAsync(cancellationToken).ConfigureAwait(false);
        var clock = new SandboxClock(settings.Start);
        var provider = BuildServices(settings, settings.StorageConnectionString ?? azurite!.ConnectionString, carrier, clock);
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<TableBootstrapper>().StartAsync(cancellationToken).ConfigureAwait(false);
        return new SandboxHost(settings, azurite, carrier, provider, clock);
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>Sets each product's stock (an audited correction), with storage faults paused.</summary>
    public async Task SeedStockAsync(IEnumerable<(Guid ProductId, int Available)> stock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stock);
        var administration = Get<StockAdministration>();
        StorageFaults.Enabled = false;
        foreach (var (productId, available) in stock)
        {
            var operationId = MessageIds.DeterministicGuid("sandbox-seed:" + productId.ToString("D"));
            await administration.SetAsync(productId, available, "sandbox seed", operationId, cancellationToken).ConfigureAwait(false);
        }

        StorageFaults.Enabled = true;
    }

    /// <summary>
    /// An inbound message from ordering, as Service Bus would deliver it; the MessageId derives from the body.
    /// Returns the message, so that a caller can tell it apart from what Fulfilment publishes.
    /// </summary>
    public async Task<OutgoingMessage> SendAsync(string name, string body, string correlationId = "")
    {
        var message = new OutgoingMessage(name, body, InboundMessageId(name, body), correlationId);
        await Bus.PublishAsync(message).ConfigureAwait(false);
        return message;
    }

    /// <summary>The MessageId <see cref="SendAsync"/> gives an inbound message.</summary>
    public static string InboundMessageId(string name, string body) => MessageIds.For("inbound:" + name, body);

    /// <summary>Delivers until every message is settled; each workflow is then waiting or finished.</summary>
    public Task RunToQuiescenceAsync(CancellationToken cancellationToken) =>
        Bus.RunUntilIdleAsync(settings.Concurrency, cancellationToken);

    /// <summary>Moves the virtual clock (due workflow timers fire), sweeps expired reservations, and settles.</summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        await Runtime.AdvanceAsync(by).ConfigureAwait(false);
        var expiry = Get<ExpireReservationsHandler>();
        while (await ClientRetry.RunAsync(() => expiry.HandleAsync(cancellationToken)).ConfigureAwait(false) > 0)
        {
        }

        await RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync().ConfigureAwait(false);
        await Carrier.DisposeAsync().ConfigureAwait(false);
        if (azurite is not null)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ServiceProvider BuildServices(SandboxSettings settings, string connectionString, FakeCarrier carrier, SandboxClock clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = "sbx" + Guid.NewGuid().ToString("N")[..8],
            ["Shipping:CarrierBaseUrl"] = carrier.BaseAddress.ToString(),
            ["Shipping:CarrierApiKey"] = "sandbox-carrier-api-key",
            ["Shipping:CarrierName"] = "SANDBOX",
            ["Shipping:CallbackSecret"] = CallbackSecret,
            ["Shipping:CarrierRetryDelay"] = "00:00:00.010",
        }).Build();

        var counter = new TableOperationCounter();
        var faults = new StorageFaultInjector(settings.StorageFaultRate, settings.Seed) { Enabled = false };
        var tableOptions = new TableClientOptions();
        tableOptions.Retry.Delay = TimeSpan.FromMilliseconds(5);
        tableOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        tableOptions.AddPolicy(faults, HttpPipelinePosition.PerRetry);
        var bus = new InProcessBus(clock, settings.Chaos, settings.MaxDeliveryCount);

        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(settings.Verbose ? LogLevel.Warning : LogLevel.None).AddSimpleConsole(o => o.SingleLine = true))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new TableServiceClient(connectionString, tableOptions))
            .AddSingleton(counter)
            .AddSingleton(faults)
            .AddSingleton(bus)
            .AddSingleton<IMessagePublisher>(bus)
            .AddSingleton<TableBootstrapper>()
            .AddTableStorage(configuration)
            .AddInventory(configuration)
            .AddWarehouse(configuration)
            .AddShipping(configuration)
            .AddWorkflow(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
