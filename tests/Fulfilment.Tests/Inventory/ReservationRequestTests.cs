using Fulfilment.Contracts;
using Fulfilment.Inventory;

namespace Fulfilment.Tests.Inventory;

public sealed class ReservationRequestTests
{
    [Fact]
    public void From_SameLinesInOtherOrder_SameFingerprint()
    {
        var (a, b, cart) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var first = ReservationRequest.From(new ReserveInventory(cart, [new LineItem(a, 1), new LineItem(b, 2)])).Request!;
        var second = ReservationRequest.From(new ReserveInventory(cart, [new LineItem(b, 2), new LineItem(a, 1)])).Request!;

        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void From_DifferentQuantity_DifferentFingerprint()
    {
        var (a, cart) = (Guid.NewGuid(), Guid.NewGuid());

        var first = ReservationRequest.From(new ReserveInventory(cart, [new LineItem(a, 1)])).Request!;
        var second = ReservationRequest.From(new ReserveInventory(cart, [new LineItem(a, 2)])).Request!;

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void From_NoItems_Problem()
    {
        var (request, problem) = ReservationRequest.From(new ReserveInventory(Guid.NewGuid(), []));

        Assert.Null(request);
        Assert.Contains("empty", problem, StringComparison.Ordinal);
    }
}
