using System.Globalization;
using Azure.Data.Tables;
using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Fulfilment.Tests.Warehouse;
using Fulfilment.Warehouse;
using Fulfilment.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.BadInput;

/// <summary>
/// Inventory, Warehouse, Shipping and the workflow wired as the Function App wires them (their <c>Add…</c>
/// registrations), on fresh Azurite tables, a fixed clock and a recording publisher, with the real Durable engine
/// started on first use (CatalogueWorld.Workflow.cs); what the catalogue's inputs go through, and the snapshots that
/// show whether anything changed.
/// </summary>
internal sealed partial class CatalogueWorld : IAsyncDisposable
{
    public const string Secret = "catalogue-callback-secret-0123456789";
    public const string PreviousSecret = "catalogue-previous-secret-9876543210";

    /// <summary>A secret that was rotated out before the current rotation: no longer accepted.</summary>
    public const string RetiredSecret = "catalogue-retired-secret-5555555555";

    private static readonly string[] TableNames = [InventoryTable.BaseName, PickingJobStore.TableName, ShipmentStore.TableName];

    private readonly ServiceProvider provider;
    private readonly TableClientFactory tables;

    private CatalogueWorld(ServiceProvider provider, TableClientFactory tables)
    {
        this.provider = provider;
        this.tables = tables;
    }

    public FakeTimeProvider Clock => provider.GetRequiredService<FakeTimeProvider>();

    public RecordingPublisher Publisher => provider.GetRequiredService<RecordingPublisher>();

    public static async Task<CatalogueWorld> StartAsync(AzuriteFixture azurite)
    {
        var tables = azurite.NewTables();
        foreach (var name in TableNames)
        {
            await tables.CreateIfNotExistsAsync(name, CancellationToken.None);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shipping:CarrierBaseUrl"] = "http://127.0.0.1:9/", // nothing listens: a command that reached the carrier fails the case
            ["Shipping:CarrierApiKey"] = "catalogue-api-key",
            ["Shipping:CarrierName"] = "catalogue-carrier",
            ["Shipping:CallbackSecret"] = Secret,
            ["Shipping:PreviousCallbackSecret"] = PreviousSecret,
            ["Shipping:CarrierMaxRetries"] = "1",
            ["Shipping:CarrierRetryDelay"] = "00:00:00",
        }).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 10, 9, 30, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(clock)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(tables)
            .AddSingleton<RecordingPublisher>()
            .AddSingleton<IMessagePublisher>(p => p.GetRequiredService<RecordingPublisher>())
            .AddInventory(configuration)
            .AddWarehouse(configuration)
            .AddShipping(configuration)
            .AddWorkflow(configuration);
        return new CatalogueWorld(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), tables);
    }

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>What a trigger does with an inbound body: parse against the contract (dead-letter every violation), then the handler.</summary>
    public static async Task<Answer> ReceiveAsync<T>(string body, Func<T, Task<Answer>> handle)
        where T : class
    {
        var parsed = MessageParser.Parse<T>(body);
        return parsed.IsValid
            ? await handle(parsed.Message!)
            : Settled(Settlement.DeadLetter(DeadLetterReasons.ContractViolation, parsed.Describe()));
    }

    /// <summary>A settlement as the catalogue writes it: "complete", or "dead-letter Reason" with the description.</summary>
    public static Answer Settled(Settlement settlement, string detail = "") => settlement switch
    {
        Settlement.DeadLettered dead => new Answer($"dead-letter {dead.Reason}", dead.Description),
        _ => new Answer("complete", detail),
    };

    /// <summary>For the router's messages in the M- rows, which check the contract only (the router's own rows are WorkflowCases): a body that gets past its contract fails the case.</summary>
    public static Task<Answer> NotPastTheContract<T>(T message) =>
        throw new InvalidOperationException($"{typeof(T).Name} passed its contract and would have reached the workflow router.");

    public async Task<Answer> CallbackAsync(byte[] body, string? timestamp, string? signature)
    {
        var result = await Get<CarrierCallbackHandler>().HandleAsync(body, timestamp, signature, CancellationToken.None);
        var detail = result.Problem is { } problem
            ? string.Join("; ", new[] { problem.Detail }.Concat(problem.Errors.Select(e => e.ToString())))
            : result.Disposition?.ToString() ?? "";
        return new Answer(result.IsAccepted ? $"{result.StatusCode} {result.Disposition}" : $"{result.StatusCode}", detail);
    }

    public Task<Answer> CallbackAsync(SignedCarrierCallback callback) => CallbackAsync(callback.Body, callback.Timestamp, callback.Signature);

    /// <summary>A callback as the carrier sends it, signed now (or <paramref name="signedAt"/>) with <paramref name="secret"/>.</summary>
    public SignedCarrierCallback Signed(string eventId, string type, object data, string secret = Secret, DateTimeOffset? signedAt = null) =>
        FakeCarrier.Callback(secret, eventId, type, data, signedAt ?? Clock.GetUtcNow());

    public static Answer Floor(PickingJobOutcome outcome) => new($"{outcome.StatusCode()} {outcome.Kind}", outcome.Reason ?? "");

    /// <summary>A product with <paramref name="available"/> units on the books.</summary>
    public async Task<Guid> ProductAsync(int available)
    {
        var productId = Guid.NewGuid();
        await Get<StockAdministration>().SetAsync(productId, available, "opening stock", Guid.NewGuid(), CancellationToken.None);
        return productId;
    }

    /// <summary>A cart reserved with one line; returns the command that reserved it.</summary>
    public async Task<ReserveInventory> ReservedCartAsync(Guid productId, int quantity = 2)
    {
        var command = new ReserveInventory(Guid.NewGuid(), [new LineItem(productId, quantity)]);
        var result = await Get<ReserveInventoryHandler>().HandleAsync(command, CancellationToken.None);
        Assert.Equal(ReserveStatus.Reserved, result.Status);
        return command;
    }

    /// <summary>A picking job for a new order (<see cref="Items.Two"/>), driven to <paramref name="status"/> by picker-1.</summary>
    public Task<PickingJob> JobAsync(PickingJobStatus status) =>
        WarehouseHarness.DriveAsync(Get<PickingJobHandler>(), Get<PickingFloorHandler>(), status, Guid.NewGuid(), Items.Two);

    /// <summary>A shipment REQUESTED for a new order (order-ready-for-shipping handled); returns the orderId.</summary>
    public async Task<Guid> ShipmentAsync()
    {
        var orderId = Guid.NewGuid();
        var ready = new OrderReadyForShipping(orderId, new Address("1 Quay Street", "Bristol", "BS1 4DJ", "GB"), Clock.GetUtcNow(), ParcelCount: 1);
        await Get<OrderReadyForShippingHandler>().HandleAsync(ready, CancellationToken.None);
        return orderId;
    }

    /// <summary>Every row of the three tables with its ETag: equal snapshots mean nothing was written.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        var rows = new List<string>();
        foreach (var name in TableNames)
        {
            await foreach (var row in tables.Get(name).QueryAsync<TableEntity>())
            {
                rows.Add($"{name}/{row.PartitionKey}/{row.RowKey}@{row.ETag}");
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every row of the three tables with its values but not its ETag or timestamp: equal when nothing changed in content.</summary>
    public async Task<IReadOnlyList<string>> ContentAsync()
    {
        var rows = new List<string>();
        foreach (var name in TableNames)
        {
            await foreach (var row in tables.Get(name).QueryAsync<TableEntity>())
            {
                var values = row.Keys
                    .Where(k => k is not ("odata.etag" or "Timestamp"))
                    .Order(StringComparer.Ordinal)
                    .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}={row[k]}"));
                rows.Add($"{name}/{row.PartitionKey}/{row.RowKey}: {string.Join(", ", values)}");
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        if (engine is not null)
        {
            await engine.DisposeAsync();
        }

        await provider.DisposeAsync();
    }
}

/// <summary>What an entry point answered: the response (a settlement, an HTTP status, an outcome) and its explanation.</summary>
internal sealed record Answer(string Response, string Detail);
