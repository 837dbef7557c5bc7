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
    public void ConsumeAfterRelease_Released_ConsumedWithTheReasonTheShortfallAndTheEarlierWriteOff()
    {
        var reservation = Held();
        var lost = new LineItem(reservation.Items[0].ProductId, 1);
        reservation.Release(ReleaseReasons.ShortPick, Now, [lost]);

        reservation.ConsumeAfterRelease(Now.AddDays(1), [lost]);

        Assert.Equal((ReservationStatus.Consumed, ReleaseReasons.DeliveredAfterRelease, Now.AddDays(1)), (reservation.Status, reservation.Reason, reservation.SettledAt));
        Assert.Equal([lost], reservation.Shortfall);
        Assert.Equal([lost], reservation.WrittenOff);
    }

    [Fact]
    public void ConsumeAfterRelease_Held_ThrowsAndStaysHeld()
    {
        var reservation = Held();

        Assert.Throws<InvalidOperationException>(() => reservation.ConsumeAfterRelease(Now, []));

        Assert.Equal(ReservationStatus.Held, reservation.Status);
    }

    [Fact]
    public void ConsumeAfterRelease_Consumed_Throws()
    {
        var reservation = Held();
        reservation.Release("ORDER_CANCELLED", Now);
        reservation.ConsumeAfterRelease(Now, []);

        Assert.Throws<InvalidOperationException>(() => reservation.ConsumeAfterRelease(Now, []));
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
