using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Workflow;

/// <summary>A <see cref="WorkflowRouter"/> over fresh Azurite tables holding one reservation (1 unit of a product with 5).</summary>
internal static class RouterBuilder
{
    public static async Task<(WorkflowRouter Router, ReservationLedger Ledger, Guid ReservationId)> WithReservationAsync(
        AzuriteFixture azurite, DateTimeOffset at, Guid? orderId = null)
    {
        var tables = azurite.NewTables();
        await tables.CreateIfNotExistsAsync(InventoryTable.BaseName, CancellationToken.None);
        var table = new InventoryTable(tables);
        var clock = new FakeTimeProvider(at);
        var stock = new StockAdministration(table, clock, NullLogger<StockAdministration>.Instance);
        var productId = Guid.NewGuid();
        await stock.SetAsync(productId, 5, "opening stock", Guid.NewGuid(), CancellationToken.None);
        var reserve = new ReserveInventoryHandler(table, new RecordingPublisher(), clock,
            Microsoft.Extensions.Options.Options.Create(new InventoryOptions()), NullLogger<ReserveInventoryHandler>.Instance);
        var reserved = await reserve.HandleAsync(new ReserveInventory(Guid.NewGuid(), [new LineItem(productId, 1)], OrderId: orderId), CancellationToken.None);
        var ledger = new ReservationLedger(table, clock, NullLogger<ReservationLedger>.Instance);
        return (new WorkflowRouter(ledger, NullLogger<WorkflowRouter>.Instance), ledger, reserved.ReservationId);
    }
}
