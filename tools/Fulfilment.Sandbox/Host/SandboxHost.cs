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
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// The whole of Fulfilment in one process: the real handlers, orchestrations, activities and Table Storage code,
/// wired as the Function App wires them. The orchestrations run on the real Durable engine in process
/// (Microsoft.DurableTask.InProcessTestHost: real replay, timers and event buffering), driven through the app's own
/// <see cref="DurableWorkflowHost"/>. Two things stand in: <see cref="InProcessBus"/> for Service Bus and the
/// engine's in-memory backend for Azure Storage; plus a fake carrier on loopback HTTP.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    /// <summary>The sandbox's callback secret: a local value, not a secret.</summary>
    public const string CallbackSecret = "sandbox-callback-secret-local-only";

    /// <summary>Below this, the in-process engine runs two work items at once and stalls (AZURE-API.md).</summary>
    public const int MinimumProcessorCount = 64;

    private readonly AzuriteProcess? azurite;
    private readonly ServiceProvider services;
    private readonly DurableTaskTestHost engine;
    private readonly SandboxSettings settings;

    private SandboxHost(
        SandboxSettings settings,
        AzuriteProcess? azurite,
        FakeCarrier carrier,
        IConfiguration configuration,
        ServiceProvider services,
        DurableTaskTestHost engine,
        SandboxClock clock)
    {
        this.settings = settings;
        Configuration = configuration;
        this.azurite = azurite;
        this.services = services;
        this.engine = engine;
        Carrier = carrier;
        Clock = clock;
        Bus = services.GetRequiredService<InProcessBus>();
        StorageOperations = services.GetRequiredService<TableOperationCounter>();
        StorageFaults = services.GetRequiredService<StorageFaultInjector>();
        var workflowSettings = Get<WorkflowSettings>();
        if (settings.TimeScale is { } scale)
        {
            workflowSettings = workflowSettings.WithTimeoutsScaledBy(scale);
        }

        if (settings.RetryInterval is { } retryInterval)
        {
            workflowSettings = workflowSettings with
            {
                StepRetry = workflowSettings.StepRetry with { FirstRetryInterval = retryInterval },
                CompensationRetry = workflowSettings.CompensationRetry with { FirstRetryInterval = retryInterval },
            };
        }

        var durable = new DurableWorkflowHost(engine.Client, workflowSettings, Get<ILogger<DurableWorkflowHost>>());
        Workflows = new SandboxWorkflows(durable, Get<IOptions<WorkflowOptions>>().Value, clock, settings.TimeScale);
        Floor = new PickingFloorScript(Get<PickingFloorHandler>());
        new MessageDispatch(this).SubscribeAll();
    }

    public InProcessBus Bus { get; }

    /// <summary>The orchestrations on the in-process Durable engine, through the app's <see cref="DurableWorkflowHost"/>.</summary>
    public SandboxWorkflows Workflows { get; }

    public FakeCarrier Carrier { get; }

    public SandboxClock Clock { get; }

    public PickingFloorScript Floor { get; }

    public TableOperationCounter StorageOperations { get; }

    public StorageFaultInjector StorageFaults { get; }

    /// <summary>The configuration the contexts were registered with (<c>Storage:*</c>, <c>Shipping:*</c>), secrets included.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The Table Storage connection string in use (the given one, or the started Azurite's).</summary>
    public string StorageConnectionString => settings.StorageConnectionString ?? azurite!.ConnectionString;

    public static async Task<SandboxHost> StartAsync(SandboxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Environment.ProcessorCount < MinimumProcessorCount)
        {
            throw new InvalidOperationException(
                $"The in-process Durable engine stalls with {Environment.ProcessorCount} processors: start the process with "
                + $"DOTNET_PROCESSOR_COUNT={MinimumProcessorCount * 8} (the sandbox's own command starts itself again with it; the tests get it from test.runsettings).");
        }

        QuietEngineSidecar(settings.Verbose);
        var azurite = settings.StorageConnectionString is null ? await AzuriteProcess.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        var carrier = await FakeCarrier.StartAsync(cancellationToken).ConfigureAwait(false);
        var clock = new SandboxClock(settings.Start);
        var configuration = Configure(carrier);
        var provider = BuildServices(settings, configuration, settings.StorageConnectionString ?? azurite!.ConnectionString, clock);
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<TableBootstrapper>().StartAsync(cancellationToken).ConfigureAwait(false);
        var engine = await DurableTaskTestHost.StartAsync(
            registry => registry.AddFulfilmentWorkflow(provider),
            new DurableTaskTestHostOptions { Port = LoopbackPort.Free(), LoggerFactory = provider.GetRequiredService<ILoggerFactory>() },
            cancellationToken).ConfigureAwait(false);
        return new SandboxHost(settings, azurite, carrier, configuration, provider, engine, clock);
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

    /// <summary>
    /// Delivers until every message is settled and every orchestration is at rest (finished, or parked in a wait
    /// with every event taken); the orchestrations' activities may publish more, so it goes round until both hold.
    /// </summary>
    public async Task RunToQuiescenceAsync(CancellationToken cancellationToken)
    {
        do
        {
            await Bus.RunUntilIdleAsync(settings.Concurrency, cancellationToken).ConfigureAwait(false);
            await Workflows.WaitUntilAtRestAsync(cancellationToken).ConfigureAwait(false);
        }
        while (Bus.Deliverable > 0);
    }

    /// <summary>
    /// Moves the scenario clock; drains the outboxes (the Function App's timer does so every minute, so long before any
    /// workflow deadline) and settles; lets the workflow timers the move crosses fire
    /// (<see cref="SandboxWorkflows.AdvanceAsync"/>), sweeps expired reservations, and settles.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        Clock.Advance(by);
        var drain = Get<OutboxDrain>();
        if (await ClientRetry.RunAsync(() => drain.RunAsync(cancellationToken)).ConfigureAwait(false) > 0)
        {
            await RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
        }

        await Workflows.AdvanceAsync(by, cancellationToken).ConfigureAwait(false);
        var expiry = Get<ExpireReservationsHandler>();
        while (await ClientRetry.RunAsync(() => expiry.HandleAsync(cancellationToken)).ConfigureAwait(false) > 0)
        {
        }

        await RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await engine.DisposeAsync().ConfigureAwait(false);
        await services.DisposeAsync().ConfigureAwait(false);
        await Carrier.DisposeAsync().ConfigureAwait(false);
        if (azurite is not null)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The engine's gRPC sidecar is an ASP.NET Core host built from the default configuration, whose console logger
    /// would write ~1,000 lines a run onto standard output: configure it through the environment it reads (this
    /// process only) — nothing below a warning, and onto standard error, so replay's JSON lines stay clean.
    /// </summary>
    private static void QuietEngineSidecar(bool verbose)
    {
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", verbose ? "Warning" : "None");
        Environment.SetEnvironmentVariable("Logging__Console__LogToStandardErrorThreshold", "Trace");
    }

    private static IConfiguration Configure(FakeCarrier carrier) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = "sbx" + Guid.NewGuid().ToString("N")[..8],
            ["Shipping:CarrierBaseUrl"] = carrier.BaseAddress.ToString(),
            ["Shipping:CarrierApiKey"] = "sandbox-carrier-api-key",
            ["Shipping:CarrierName"] = "SANDBOX",
            ["Shipping:CallbackSecret"] = CallbackSecret,
            ["Shipping:CarrierRetryDelay"] = "00:00:00.010",
        }).Build();

    private static ServiceProvider BuildServices(SandboxSettings settings, IConfiguration configuration, string connectionString, SandboxClock clock)
    {
        var counter = new TableOperationCounter();
        var faults = new StorageFaultInjector(settings.StorageFaultRate, settings.Seed) { Enabled = false };
        var tableOptions = new TableClientOptions();
        tableOptions.Retry.Delay = TimeSpan.FromMilliseconds(5);
        tableOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        tableOptions.AddPolicy(faults, HttpPipelinePosition.PerRetry);
        var bus = new InProcessBus(clock, settings.Chaos, settings.MaxDeliveryCount);

        var services = new ServiceCollection()
            .AddLogging(logging => Log(logging, settings))
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

    /// <summary>The console gets warnings and up when verbose, else nothing; a <see cref="SandboxSettings.LogSink"/> gets every level.</summary>
    private static void Log(ILoggingBuilder logging, SandboxSettings settings)
    {
        var console = settings.Verbose ? LogLevel.Warning : LogLevel.None;
        logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter<ConsoleLoggerProvider>(null, console);
        if (settings.LogSink is { } sink)
        {
            logging.SetMinimumLevel(LogLevel.Trace).AddProvider(sink);
        }
        else
        {
            logging.SetMinimumLevel(console);
        }
    }
}
