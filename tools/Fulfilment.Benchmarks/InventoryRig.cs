using Azure.Data.Tables;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Storage;
using Fulfilment.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fulfilment.Benchmarks;

/// <summary>The Inventory context on its own fresh tables, with every table request counted.</summary>
internal sealed class InventoryRig
{
    private InventoryRig(TableClientFactory tables, TableOperationCounter counter)
    {
        Counter = counter;
        var table = new InventoryTable(tables);
        var options = Options.Create(new InventoryOptions());
        Reserve = new ReserveInventoryHandler(table, new DiscardingPublisher(), TimeProvider.System, options, NullLogger<ReserveInventoryHandler>.Instance);
        Ledger = new ReservationLedger(table, TimeProvider.System, NullLogger<ReservationLedger>.Instance);
        Stock = new StockAdministration(table, TimeProvider.System, NullLogger<StockAdministration>.Instance);
    }

    public TableOperationCounter Counter { get; }

    public ReserveInventoryHandler Reserve { get; }

    public ReservationLedger Ledger { get; }

    public StockAdministration Stock { get; }

    public static async Task<InventoryRig> CreateAsync(string connectionString, string prefix)
    {
        var counter = new TableOperationCounter();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        var tables = new TableClientFactory(new TableServiceClient(connectionString, clientOptions), Options.Create(new StorageOptions { TablePrefix = prefix }));
        await tables.CreateIfNotExistsAsync(InventoryTable.BaseName, CancellationToken.None);
        return new InventoryRig(tables, counter);
    }

    public async Task<Guid[]> ProductsAsync(int count, int available)
    {
        var products = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(products, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (p, token) =>
            await Stock.SetAsync(p, available, "benchmark stock", Guid.NewGuid(), token));
        return products;
    }

    public static ReserveInventory Cart(params Guid[] products) => new(Guid.NewGuid(), products.Select(p => new LineItem(p, 1)).ToList());

    private sealed class DiscardingPublisher : IMessagePublisher
    {
        public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
