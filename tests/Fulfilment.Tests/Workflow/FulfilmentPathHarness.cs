using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Host;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// The real thing for one order: Inventory, Warehouse and the workflow's real steps wired by their <c>Add…</c>
/// registrations over Azurite tables, the in-memory runtime, and the router between them. Messages the contexts
/// publish for the workflow (order-packed, order-short-picked) are routed to it the way the bus would; carrier
/// events are routed as Shipping publishes them.
/// </summary>
internal sealed class FulfilmentPathHarness
{
    public const int InitialStock = 10;
    public const int Ordered = 3;

    private readonly ServiceProvider services;
    private int delivered;

    private FulfilmentPathHarness(ServiceProvider services, Guid productId, Guid cartId, Guid reservationId)
    {
        this.services = services;
        ProductId = productId;
        CartId = cartId;
        ReservationId = reservationId;
        Registry = services.GetRequiredService<WorkflowStepRegistry>();
        Runtime = new InMemoryWorkflowRuntime(Registry, Clock.GetUtcNow());
        PublishedBeforeStart = Published.Messages.Count;
    }

    public FakeTimeProvider Clock => (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

    public RecordingPublisher Published => (RecordingPublisher)services.GetRequiredService<IMessagePublisher>();

    public WorkflowStepRegistry Registry { get; }

    public InMemoryWorkflowRuntime Runtime { get; }

    public Guid OrderId { get; } = Guid.NewGuid();

    public Guid ShipmentId { get; } = Guid.NewGuid();

    public Guid ProductId { get; }

    public Guid CartId { get; }

    public Guid ReservationId { get; }

    public int PublishedBeforeStart { get; }

    public string InstanceId => WorkflowInstanceId.For(OrderId);

    public FulfilmentStatus Status => Runtime.GetStatus(InstanceId) ?? throw new InvalidOperationException("not started");

    public IReadOnlyList<string> StepsRun => Runtime.StepsRun(InstanceId);

    /// <summary>What was published since the order started (the reservation's inventory-reserved excluded).</summary>
    public IReadOnlyList<string> PublishedNames => Published.Messages.Skip(PublishedBeforeStart).Select(m => m.Name).ToArray();

    public ReservationLedger Reservations => services.GetRequiredService<ReservationLedger>();

    public PickingFloorHandler Floor => services.GetRequiredService<PickingFloorHandler>();

    public static async Task<FulfilmentPathHarness> CreateAsync(AzuriteFixture azurite)
    {
        var tables = azurite.NewTables();
        await tables.CreateIfNotExistsAsync(InventoryTable.BaseName, CancellationToken.None);
        await tables.CreateIfNotExistsAsync(PickingJobStore.TableName, CancellationToken.None);
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(tables)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)))
            .AddSingleton<IMessagePublisher, RecordingPublisher>()
            .AddInventory(configuration)
            .AddWarehouse(configuration)
            .AddWorkflow(configuration)
            .BuildServiceProvider();
        var productId = Guid.NewGuid();
        var cartId = Guid.NewGuid();
        await services.GetRequiredService<StockAdministration>().SetAsync(productId, InitialStock, "opening stock", Guid.NewGuid(), CancellationToken.None);
        var reserved = await services.GetRequiredService<ReserveInventoryHandler>()
            .HandleAsync(new ReserveInventory(cartId, [new LineItem(productId, Ordered)]), CancellationToken.None);
        Assert.Equal(ReserveStatus.Reserved, reserved.Status);
        return new FulfilmentPathHarness(services, productId, cartId, reserved.ReservationId);
    }

    public OrderCompleted OrderCompleted(Guid? reservationId = null) =>
        new(OrderId, Guid.NewGuid(), Clock.GetUtcNow(), reservationId ?? ReservationId, null, FulfilmentOrderBuilder.Address, ShippingService.Express);

    /// <summary>An order-completed that refers to its reservation by the checkout's cartId only.</summary>
    public OrderCompleted OrderCompletedByCart() =>
        new(OrderId, Guid.NewGuid(), Clock.GetUtcNow(), null, CartId, FulfilmentOrderBuilder.Address, ShippingService.Express);

    /// <summary>order-completed through the router and into the runtime, as the Function App's trigger does.</summary>
    public async Task<StartOutcome?> CompleteOrderAsync(OrderCompleted? message = null)
    {
        var route = await Router.RouteAsync(MessageNames.OrderCompleted, ContractJson.Serialize(message ?? OrderCompleted()));
        var workflow = services.GetRequiredService<FulfilmentWorkflow>();
        return route.Kind == WorkflowRouteKind.Start
            ? await Runtime.StartAsync(route.InstanceId!, context => workflow.RunAsync(context, route.Order!))
            : null;
    }

    /// <summary>Any inbound message through <see cref="WorkflowDispatcher"/>, as the Function App's triggers and the sandbox do.</summary>
    public Task<Settlement?> DispatchAsync<T>(string messageName, T message) =>
        services.GetRequiredService<WorkflowDispatcher>().DispatchAsync(
            new InMemoryWorkflowHost(Runtime, Get<FulfilmentWorkflow>(), Get<CancelledBeforeStartWorkflow>()), messageName, ContractJson.Serialize(message));

    public async Task<RaiseOutcome> RouteAsync<T>(string messageName, T message)
    {
        var route = await Router.RouteAsync(messageName, ContractJson.Serialize(message));
        Assert.Equal(WorkflowRouteKind.Raise, route.Kind);
        return await Runtime.RaiseEventAsync(route.InstanceId!, route.EventName!, route.Payload!);
    }

    /// <summary>Delivers what the picking floor published (order-packed, order-short-picked) to the workflow, once each.</summary>
    public async Task PumpAsync()
    {
        var messages = Published.Messages;
        for (; delivered < messages.Count; delivered++)
        {
            if (messages[delivered].Name is MessageNames.OrderPacked or MessageNames.OrderShortPicked)
            {
                var route = await Router.RouteAsync(messages[delivered].Name, messages[delivered].Body);
                await Runtime.RaiseEventAsync(route.InstanceId!, route.EventName!, route.Payload!);
            }
        }
    }

    public async Task PickAndPackAsync()
    {
        await Floor.StartAsync(OrderId, "picker-1", CancellationToken.None);
        await Floor.PackAsync(OrderId, 1, CancellationToken.None);
        await PumpAsync();
    }

    public OrderCancelled OrderCancelled() => new(OrderId, CancellationReason.CustomerRequested, Clock.GetUtcNow());

    public Task<RaiseOutcome> CancelAsync() => RouteAsync(MessageNames.OrderCancelled, OrderCancelled());

    public Task<RaiseOutcome> ShipmentCreatedAsync() =>
        RouteAsync(MessageNames.ShipmentCreated, new ShipmentCreated(ShipmentId, OrderId, "TRK123", Clock.GetUtcNow(), "ACME"));

    public Task<RaiseOutcome> ShipmentDeliveredAsync() =>
        RouteAsync(MessageNames.ShipmentDelivered, new ShipmentDelivered(ShipmentId, OrderId, Clock.GetUtcNow()));

    public Task<RaiseOutcome> ShipmentFailedAsync(ShipmentFailureReason reason) =>
        RouteAsync(MessageNames.ShipmentFailed, new ShipmentFailed(ShipmentId, OrderId, reason, Clock.GetUtcNow()));

    /// <summary>Moves the clock past the reservation TTL and runs Inventory's expiry sweep; returns how many it expired.</summary>
    public Task<int> ExpireReservationsAsync()
    {
        Clock.Advance(TimeSpan.FromMinutes(31));
        return Get<ExpireReservationsHandler>().HandleAsync(CancellationToken.None);
    }

    public async Task<StockItem> StockAsync() =>
        await services.GetRequiredService<StockAdministration>().GetStockAsync(ProductId, CancellationToken.None)
        ?? throw new InvalidOperationException("no stock row");

    /// <summary>Asserts the product's books: the invariant and the expected split.</summary>
    public async Task AssertStockAsync(int available, int reserved, int consumed, int writtenOff = 0)
    {
        var stock = await StockAsync();
        Assert.True(stock.IsBalanced, "available + reserved + consumed = initial + restocked");
        Assert.Equal((available, reserved, consumed, writtenOff), (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    private WorkflowRouter Router => services.GetRequiredService<WorkflowRouter>();
}
