using Fulfilment.Sandbox.Storage;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// One order on the real Durable engine (<see cref="DurableTaskTestHost"/>: real replay, timers and event buffering)
/// with the real activities over Azurite tables: Inventory, Warehouse and Shipping wired by their <c>Add…</c>
/// registrations (Shipping's carrier is a <see cref="FakeCarrier"/> on loopback HTTP), a recording publisher, and a
/// <see cref="TableOutage"/> to fail a table on demand. Driven through the engine's
/// client like the app drives it: schedule with the settings in the input, raise on the event channel, read the
/// custom status, wait for the output. Stock: <see cref="InitialStock"/> of one product, <see cref="Ordered"/>
/// reserved for the order's cart.
/// </summary>
internal sealed class WorkflowEngineHarness : IAsyncDisposable
{
    public const int InitialStock = 10;
    public const int Ordered = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider services;
    private readonly DurableTaskTestHost engine;

    private WorkflowEngineHarness(
        ServiceProvider services, DurableTaskTestHost engine, FakeCarrier carrier, TableOutage outage, Guid productId, Guid cartId, Guid reservationId)
    {
        this.services = services;
        this.engine = engine;
        Carrier = carrier;
        Outage = outage;
        ProductId = productId;
        CartId = cartId;
        ReservationId = reservationId;
    }

    /// <summary>Short retries and waits that do not time out unless a test says so.</summary>
    public static WorkflowSettings Settings { get; } = new(
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(1),
        new RetrySettings(2, TimeSpan.FromMilliseconds(50), 1),
        new RetrySettings(2, TimeSpan.FromMilliseconds(50), 1));

    public DurableTaskClient Client => engine.Client;

    public TableOutage Outage { get; }

    /// <summary>The carrier Shipping's activities call (<see cref="CancelShipmentStep"/>).</summary>
    public FakeCarrier Carrier { get; }

    public RecordingPublisher Published => (RecordingPublisher)services.GetRequiredService<IMessagePublisher>();

    public Guid OrderId { get; } = Guid.NewGuid();

    public Guid ShipmentId { get; } = Guid.NewGuid();

    public Guid ProductId { get; }

    public Guid CartId { get; }

    public Guid ReservationId { get; }

    public string InstanceId => WorkflowInstanceId.For(OrderId);

    public FulfilmentOrder Order => new(OrderId, Guid.NewGuid(), ReservationId, CartId, FulfilmentOrderBuilder.Address, ShippingService.Express);

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public static async Task<WorkflowEngineHarness> StartAsync(AzuriteFixture azurite)
    {
        var outage = new TableOutage();
        var tables = azurite.NewTables(outage);
        await tables.CreateIfNotExistsAsync(InventoryTable.BaseName, CancellationToken.None);
        await tables.CreateIfNotExistsAsync(PickingJobStore.TableName, CancellationToken.None);
        await tables.CreateIfNotExistsAsync(ShipmentStore.TableName, CancellationToken.None);
        var carrier = await FakeCarrier.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shipping:CarrierBaseUrl"] = carrier.BaseAddress.ToString(),
            ["Shipping:CarrierApiKey"] = "test-api-key-not-a-real-one",
            ["Shipping:CarrierName"] = "SANDBOX",
            ["Shipping:CallbackSecret"] = "current-callback-secret-0123456789",
            ["Shipping:CarrierRetryDelay"] = "00:00:00.001",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(tables)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)))
            .AddSingleton<IMessagePublisher, RecordingPublisher>()
            .AddInventory(configuration)
            .AddWarehouse(configuration)
            .AddShipping(configuration)
            .AddWorkflow(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var productId = Guid.NewGuid();
        var cartId = Guid.NewGuid();
        await services.GetRequiredService<StockAdministration>().SetAsync(productId, InitialStock, "opening stock", Guid.NewGuid(), CancellationToken.None);
        var reserved = await services.GetRequiredService<ReserveInventoryHandler>()
            .HandleAsync(new ReserveInventory(cartId, [new LineItem(productId, Ordered)]), CancellationToken.None);
        Assert.Equal(ReserveStatus.Reserved, reserved.Status);
        var engine = await DurableTaskTestHost.StartAsync(
            registry => registry.AddFulfilmentWorkflow(services),
            new DurableTaskTestHostOptions { Port = LoopbackPort.Free(), LoggerFactory = NullLoggerFactory.Instance });
        return new WorkflowEngineHarness(services, engine, carrier, outage, productId, cartId, reserved.ReservationId);
    }

    /// <summary>The app's client-side host over the engine's client.</summary>
    public DurableWorkflowHost Host(WorkflowSettings? settings = null) =>
        new(Client, settings ?? Settings, NullLogger<DurableWorkflowHost>.Instance);

    /// <summary>Schedules the order's orchestration with <paramref name="settings"/> in its input.</summary>
    public Task StartAsync(WorkflowSettings? settings = null, FulfilmentOrder? order = null) =>
        Client.ScheduleNewOrchestrationInstanceAsync(
            FulfilmentOrchestration.Name, new FulfilmentInput(order ?? Order, settings ?? Settings), new Microsoft.DurableTask.StartOrchestrationOptions(InstanceId));

    /// <summary>Raises an inbound message into the order's instance, as the dispatcher does.</summary>
    public Task RaiseAsync<T>(string kind, T message) =>
        Client.RaiseEventAsync(InstanceId, WorkflowEvents.Channel, new WorkflowEvent(kind, ContractJson.Serialize(message)));

    /// <summary>Waits until the orchestration is parked in <paramref name="stage"/>'s wait, and returns its status.</summary>
    public async Task<FulfilmentStatus> ParkedInAsync(WorkflowStage stage)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var status = await StatusAsync(patience.Token);
            if (status is { WaitingUntil: not null } && status.Stage == stage)
            {
                return status;
            }

            Assert.False(status?.IsFinished == true, $"finished instead of waiting in {stage}: {status?.Reason}");
            await Task.Delay(10, patience.Token);
        }
    }

    public async Task<FulfilmentStatus?> StatusAsync(CancellationToken cancellationToken = default)
    {
        var instance = await Client.GetInstanceAsync(InstanceId, getInputsAndOutputs: true, cancellationToken);
        return instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<FulfilmentStatus>();
    }

    /// <summary>The serialized custom status, as Durable stores it.</summary>
    public async Task<string> SerializedStatusAsync() =>
        (await Client.GetInstanceAsync(InstanceId, getInputsAndOutputs: true))?.SerializedCustomStatus ?? "";

    /// <summary>Waits for the orchestration's end and returns its output (the final status).</summary>
    public async Task<FulfilmentStatus> FinishedAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        var instance = await Client.WaitForInstanceCompletionAsync(InstanceId, getInputsAndOutputs: true, patience.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<FulfilmentStatus>()!;
    }

    /// <summary>Packs the order's job on the picking floor, then raises the order-packed it published.</summary>
    public async Task PackAsync() => await RaiseAsync(WorkflowEvents.OrderPacked, await PackOnTheFloorAsync());

    /// <summary>Starts and packs the order's job on the picking floor (once the job waits); returns the order-packed it published.</summary>
    public async Task<OrderPacked> PackOnTheFloorAsync()
    {
        await ParkedInAsync(WorkflowStage.AwaitingPacking);
        var floor = Get<PickingFloorHandler>();
        Assert.True((await floor.StartAsync(OrderId, FloorCaller.Picker("picker-1"), CancellationToken.None)).Succeeded);
        Assert.True((await floor.PackAsync(OrderId, FloorCaller.Picker("picker-1"), 1, CancellationToken.None)).Succeeded);
        return Published.Single<OrderPacked>(MessageNames.OrderPacked);
    }

    public ShipmentCreated Created(Guid? shipmentId = null) =>
        new(shipmentId ?? ShipmentId, OrderId, "TRACK-1", DateTimeOffset.UtcNow, "SANDBOX");

    public ShipmentDelivered Delivered(Guid? shipmentId = null) => new(shipmentId ?? ShipmentId, OrderId, DateTimeOffset.UtcNow);

    public OrderCancelled Cancelled() => new(OrderId, CancellationReason.CustomerRequested, DateTimeOffset.UtcNow);

    /// <summary>Packs, then reports the carrier's shipment-created: the order waits for delivery.</summary>
    public async Task DispatchAsync()
    {
        await PackAsync();
        await ParkedInAsync(WorkflowStage.AwaitingShipment);
        await RaiseAsync(WorkflowEvents.ShipmentCreated, Created());
        await ParkedInAsync(WorkflowStage.AwaitingDelivery);
    }

    public Task<StockItem?> StockAsync() => Get<StockAdministration>().GetStockAsync(ProductId, CancellationToken.None);

    public Task<Reservation?> ReservationAsync() => Get<ReservationLedger>().GetAsync(ReservationId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await engine.DisposeAsync();
        await services.DisposeAsync();
        await Carrier.DisposeAsync();
    }

}
