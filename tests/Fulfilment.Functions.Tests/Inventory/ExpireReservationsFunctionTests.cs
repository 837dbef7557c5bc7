using Fulfilment.Contracts;
using Fulfilment.Functions.Inventory;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class ExpireReservationsFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ExpireReservations_PastTheTtl_ReleasesTheUnlinkedReservation()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite, new Dictionary<string, string?> { ["Inventory__ReservationTtl"] = "00:10:00" });
        var product = await app.ProductAsync(10);
        await app.Get<ReserveInventoryHandler>().HandleAsync(new ReserveInventory(Guid.NewGuid(), [new LineItem(product, 4)]), CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        await app.Function<ExpireReservationsFunction>().ExpireReservations(new TimerInfo(), CancellationToken.None);

        Assert.Equal((10, 0), await app.LevelsOfAsync(product));
    }

    [Fact]
    public async Task ExpireReservations_WithinTheTtl_KeepsTheReservation()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite, new Dictionary<string, string?> { ["Inventory__ReservationTtl"] = "00:10:00" });
        var product = await app.ProductAsync(10);
        await app.Get<ReserveInventoryHandler>().HandleAsync(new ReserveInventory(Guid.NewGuid(), [new LineItem(product, 4)]), CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(9));

        await app.Function<ExpireReservationsFunction>().ExpireReservations(new TimerInfo(), CancellationToken.None);

        Assert.Equal((6, 4), await app.LevelsOfAsync(product));
    }
}
