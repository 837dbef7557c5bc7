namespace Fulfilment.Benchmarks;

/// <summary>Table requests of each inventory operation, measured one at a time on a warm process (rows it wrote are known).</summary>
internal static class OperationCosts
{
    public static async Task<IReadOnlyList<(string Name, long Requests, string Kinds)>> MeasureAsync(InventoryRig rig)
    {
        var costs = new List<(string, long, string)>();
        var products = await rig.ProductsAsync(5, 1000);
        async Task<Guid> MeasureAsync(string name, Func<Task<Guid>> operation)
        {
            rig.Counter.Reset();
            var id = await operation();
            var kinds = string.Join(", ", rig.Counter.Snapshot().OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} {k.Key}"));
            costs.Add((name, rig.Counter.Total, kinds));
            return id;
        }

        await MeasureAsync("reserve, 1 line", async () => (await rig.Reserve.HandleAsync(InventoryRig.Cart(products[0]), default)).ReservationId);
        var fiveLines = InventoryRig.Cart(products);
        var five = await MeasureAsync("reserve, 5 lines", async () => (await rig.Reserve.HandleAsync(fiveLines, default)).ReservationId);
        await MeasureAsync("reserve, redelivered (5 lines)", async () => (await rig.Reserve.HandleAsync(fiveLines, default)).ReservationId);
        await MeasureAsync("release (5 lines)", async () => (await rig.Ledger.ReleaseAsync(five, "ORDER_CANCELLED", default)).ReservationId);
        var toConsume = (await rig.Reserve.HandleAsync(InventoryRig.Cart(products), default)).ReservationId;
        await MeasureAsync("link (5 lines)", async () => (await rig.Ledger.LinkAsync(toConsume, Guid.NewGuid(), default)).ReservationId);
        await MeasureAsync("consume (5 lines)", async () => (await rig.Ledger.ConsumeAsync(toConsume, default)).ReservationId);
        var empty = InventoryRig.Cart(await rig.ProductsAsync(1, 0));
        await MeasureAsync("reserve, unavailable (1 line)", async () => (await rig.Reserve.HandleAsync(empty, default)).ReservationId);
        return costs;
    }
}
