using Azure.Core.Pipeline;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Inventory;

/// <summary>The Inventory context wired against its own Azurite tables, a fake clock and a recording publisher.</summary>
internal sealed class InventoryHarness
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);

    private InventoryHarness(TableClientFactory tables, int expiryBatchSize)
    {
        Tables = tables;
        var options = Options.Create(new InventoryOptions { ReservationTtl = Ttl, ExpiryBatchSize = expiryBatchSize });
        Table = new InventoryTable(tables);
        Ledger = new ReservationLedger(Table, Clock, NullLogger<ReservationLedger>.Instance);
        Reserve = new ReserveInventoryHandler(Table, Publisher, Clock, options, NullLogger<ReserveInventoryHandler>.Instance);
        Release = new ReleaseInventoryHandler(Ledger, NullLogger<ReleaseInventoryHandler>.Instance);
        StockLevel = new GetStockLevelHandler(Table);
        Expiry = new ExpireReservationsHandler(Table, Ledger, Clock, options, NullLogger<ExpireReservationsHandler>.Instance);
        Stock = new StockAdministration(Table, Clock, NullLogger<StockAdministration>.Instance);
    }

    /// <summary>The harness's own tables (for a test that must see or plant a raw row).</summary>
    public TableClientFactory Tables { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public RecordingPublisher Publisher { get; } = new();

    public InventoryTable Table { get; }

    public ReservationLedger Ledger { get; }

    public ReserveInventoryHandler Reserve { get; }

    public ReleaseInventoryHandler Release { get; }

    public GetStockLevelHandler StockLevel { get; }

    public ExpireReservationsHandler Expiry { get; }

    public StockAdministration Stock { get; }

    public static Task<InventoryHarness> CreateAsync(AzuriteFixture azurite, params HttpPipelinePolicy[] policies) =>
        CreateAsync(azurite.NewTables(policies));

    /// <summary>The harness on <paramref name="tables"/>; its expiry sweep reads <paramref name="expiryBatchSize"/> due reservations a page.</summary>
    public static async Task<InventoryHarness> CreateAsync(TableClientFactory tables, int expiryBatchSize = 3)
    {
        await tables.CreateIfNotExistsAsync(InventoryTable.BaseName, CancellationToken.None);
        return new InventoryHarness(tables, expiryBatchSize);
    }

    /// <summary>A new product with <paramref name="available"/> units on the books.</summary>
    public async Task<Guid> ProductAsync(int available)
    {
        var productId = Guid.NewGuid();
        await Stock.SetAsync(productId, available, "opening stock", Guid.NewGuid(), CancellationToken.None);
        return productId;
    }

    public async Task<StockItem> StockOfAsync(Guid productId) =>
        await Stock.GetStockAsync(productId, CancellationToken.None) ?? throw new InvalidOperationException($"no stock for {productId}");

    /// <summary>A cart holding the given products, reserved; returns its reservationId.</summary>
    public async Task<Guid> ReservedAsync(params (Guid ProductId, int Quantity)[] lines)
    {
        var result = await Reserve.HandleAsync(new ReserveInventoryBuilder().With(lines).Build(), CancellationToken.None);
        Assert.Equal(ReserveStatus.Reserved, result.Status);
        return result.ReservationId;
    }

    /// <summary>Asserts available + reserved + consumed = initial + restocked for every product, and nothing negative.</summary>
    public async Task AssertBalancedAsync()
    {
        var stock = await Stock.ListStockAsync(CancellationToken.None);
        Assert.NotEmpty(stock);
        Assert.All(stock, s =>
        {
            Assert.True(s.IsBalanced, $"{s.ProductId}: {s.Available}+{s.Reserved}+{s.Consumed} != {s.Initial}+{s.Restocked}");
            Assert.True(s.Available >= 0 && s.Reserved >= 0, $"{s.ProductId} went negative: available {s.Available}, reserved {s.Reserved}");
        });
    }
}
