using Azure.Data.Tables;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// Stock counts are 32-bit (as on the wire): a change that would take a product's books past
/// 2,147,483,647 units (Int32) is refused with a reason naming the limit, and no row changes — never wrapped
/// round to a negative count and stored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StockLimitTests(AzuriteFixture azurite)
{
    private const string Limit = "2147483647";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RestockAsync_PastTheLimit_RejectedNamingItAndNothingChanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(2_000_000_000);
        var before = await RawStockAsync(inventory, a);

        var result = await inventory.Stock.RestockAsync(a, 200_000_000, Guid.NewGuid(), None);

        Assert.Equal(StockChangeOutcome.Rejected, result.Outcome);
        Assert.Contains(Limit, result.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await RawStockAsync(inventory, a));
    }

    [Fact]
    public async Task RestockAsync_UpToTheLimitExactly_Applied()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(2_000_000_000);

        var result = await inventory.Stock.RestockAsync(a, int.MaxValue - 2_000_000_000, Guid.NewGuid(), None);

        Assert.Equal(StockChangeOutcome.Applied, result.Outcome);
        Assert.Equal(int.MaxValue, (await inventory.StockOfAsync(a)).Available);
    }

    [Fact]
    public async Task SetAsync_FoundUnitsPastTheLimit_RejectedNamingItAndNothingChanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(1_000);
        await inventory.ReservedAsync((a, 1_000));
        var before = await RawStockAsync(inventory, a);

        var result = await inventory.Stock.SetAsync(a, int.MaxValue, "count found more", Guid.NewGuid(), None);

        Assert.Equal(StockChangeOutcome.Rejected, result.Outcome);
        Assert.Contains(Limit, result.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await RawStockAsync(inventory, a));
    }

    [Fact]
    public async Task RestockAsync_WhileUnitsAreReserved_RejectedSoTheirReleaseCannotWrap()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(1_000);
        var reservationId = await inventory.ReservedAsync((a, 1_000));

        var restock = await inventory.Stock.RestockAsync(a, int.MaxValue - 10, Guid.NewGuid(), None);
        var release = await inventory.Ledger.ReleaseAsync(reservationId, ReleaseReasons.Expired, None);

        Assert.Equal((StockChangeOutcome.Rejected, ReservationOutcome.Applied), (restock.Outcome, release.Outcome));
        var stock = await inventory.StockOfAsync(a);
        Assert.Equal((1_000, 0), (stock.Available, stock.Reserved));
    }

    [Fact]
    public async Task ReleaseAsync_RowStoredPastTheLimitBeforeTheCheck_RejectedNamingItAndNothingChanged()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(1_000);
        var reservationId = await inventory.ReservedAsync((a, 1_000));
        await PlantAsync(inventory, a, available: int.MaxValue - 10, restocked: int.MaxValue - 10);
        var before = (await RawStockAsync(inventory, a), await RawReservationAsync(inventory, reservationId));

        var result = await inventory.Ledger.ReleaseAsync(reservationId, ReleaseReasons.Expired, None);

        Assert.Equal(ReservationOutcome.Rejected, result.Outcome);
        Assert.Contains(Limit, result.Detail, StringComparison.Ordinal);
        Assert.Equal(before, (await RawStockAsync(inventory, a), await RawReservationAsync(inventory, reservationId)));
    }

    [Fact]
    public async Task ReleaseInventory_RowStoredPastTheLimitBeforeTheCheck_DeadLetteredNamingTheLimit()
    {
        var inventory = await InventoryHarness.CreateAsync(azurite);
        var a = await inventory.ProductAsync(1_000);
        var reservationId = await inventory.ReservedAsync((a, 1_000));
        await PlantAsync(inventory, a, available: int.MaxValue - 10, restocked: int.MaxValue - 10);
        var command = new ReleaseInventory(reservationId, ReleaseReason.CheckoutFailed);

        var result = await inventory.Release.HandleAsync(command, None);

        var dead = Assert.IsType<Settlement.DeadLettered>(InventorySettlements.ForRelease(command, result));
        Assert.Equal(DeadLetterReasons.Unprocessable, dead.Reason);
        Assert.Contains(Limit, dead.Description, StringComparison.Ordinal);
        Assert.Equal((int.MaxValue - 10, 1_000), ((await inventory.StockOfAsync(a)).Available, (await inventory.StockOfAsync(a)).Reserved));
    }

    /// <summary>Overwrites a product's stock row as the code before the limit could store it: balanced, but past the limit.</summary>
    private static async Task PlantAsync(InventoryHarness inventory, Guid productId, int available, int restocked)
    {
        var table = inventory.Tables.Get(InventoryTable.BaseName);
        var row = (await table.GetEntityAsync<TableEntity>("inventory", "stock_" + productId.ToString("D"))).Value;
        row["Available"] = available;
        row["Restocked"] = restocked;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    private static async Task<string> RawStockAsync(InventoryHarness inventory, Guid productId) =>
        await RawAsync(inventory, "stock_" + productId.ToString("D"));

    private static async Task<string> RawReservationAsync(InventoryHarness inventory, Guid reservationId) =>
        await RawAsync(inventory, "reservation_" + reservationId.ToString("D"));

    /// <summary>The stored row, ETag included: any write changes it.</summary>
    private static async Task<string> RawAsync(InventoryHarness inventory, string rowKey)
    {
        var row = (await inventory.Tables.Get(InventoryTable.BaseName).GetEntityAsync<TableEntity>("inventory", rowKey)).Value;
        return row.ETag + " " + string.Join(";", row.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }
}
