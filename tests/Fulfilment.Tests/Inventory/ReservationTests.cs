using Fulfilment.Contracts;
using Fulfilment.Inventory;

namespace Fulfilment.Tests.Inventory;

public sealed class ReservationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IdFor_SameCart_SameIdAndOtherCartOtherId()
    {
        var cart = Guid.NewGuid();

        var id = Reservation.IdFor(cart);

        Assert.Equal(id, Reservation.IdFor(cart));
        Assert.NotEqual(id, Reservation.IdFor(Guid.NewGuid()));
    }

    [Fact]
    public void Release_Consumed_Throws()
    {
        var reservation = Held();
        reservation.Consume(ReleaseReasons.Delivered, Now, writtenOff: false);

        Assert.Throws<InvalidOperationException>(() => reservation.Release("ORDER_CANCELLED", Now));
    }

    [Fact]
    public void Consume_Released_Throws()
    {
        var reservation = Held();
        reservation.Release("ORDER_CANCELLED", Now);

        Assert.Throws<InvalidOperationException>(() => reservation.Consume(ReleaseReasons.Delivered, Now, writtenOff: false));
    }

    [Fact]
    public void Link_AlreadyLinked_Throws()
    {
        var reservation = Held();
        reservation.Link(Guid.NewGuid());

        Assert.Throws<InvalidOperationException>(() => reservation.Link(Guid.NewGuid()));
    }

    [Fact]
    public void Link_OrderOtherThanHint_ThrowsAndStaysUnlinked()
    {
        var reservation = Reservation.Hold(Guid.NewGuid(), Guid.NewGuid(), [new LineItem(Guid.NewGuid(), 1)], "fingerprint", Now, TimeSpan.FromMinutes(30));

        Assert.Throws<InvalidOperationException>(() => reservation.Link(Guid.NewGuid()));
        Assert.True(reservation.IsWaitingForOrder);
    }

    [Fact]
    public void IsDueAt_LinkedPastExpiry_False()
    {
        var reservation = Held();
        reservation.Link(Guid.NewGuid());

        var due = reservation.IsDueAt(Now.AddDays(1));

        Assert.False(due);
    }

    [Fact]
    public void IsDueAt_UnlinkedAtExpiry_True()
    {
        var reservation = Held();

        var due = reservation.IsDueAt(Now + TimeSpan.FromMinutes(30));

        Assert.True(due);
    }

    private static Reservation Held() =>
        Reservation.Hold(Guid.NewGuid(), null, [new LineItem(Guid.NewGuid(), 1)], "fingerprint", Now, TimeSpan.FromMinutes(30));
}
