using Fulfilment.Inventory;

namespace Fulfilment.Tests.Inventory;

public sealed class StockItemTests
{
    [Fact]
    public void Reserve_MoreThanAvailable_ThrowsAndChangesNothing()
    {
        var stock = StockItem.Open(Guid.NewGuid(), 2);

        Assert.Throws<InvalidOperationException>(() => stock.Reserve(3));

        Assert.Equal((2, 0), (stock.Available, stock.Reserved));
    }

    [Fact]
    public void CorrectAvailable_Higher_CountsFoundUnitsAsRestockedAndStaysBalanced()
    {
        var stock = StockItem.Open(Guid.NewGuid(), 5);
        stock.Reserve(2);

        var delta = stock.CorrectAvailable(7);

        Assert.Equal((4, 4, 7), (delta, stock.Restocked, stock.Available));
        Assert.True(stock.IsBalanced);
    }

    [Fact]
    public void TakeBackDelivered_UnitsStillAvailable_ConsumedNoShortfallNoCount()
    {
        var stock = StockItem.Open(Guid.NewGuid(), 5);

        var shortfall = stock.TakeBackDelivered(3);

        Assert.Equal((0, 2, 3, false), (shortfall, stock.Available, stock.Consumed, stock.NeedsCount));
        Assert.True(stock.IsBalanced);
    }

    [Fact]
    public void TakeBackDelivered_UnitsSoldAgain_TakesWhatIsAvailableFlagsForCountAndReturnsTheRest()
    {
        var stock = StockItem.Open(Guid.NewGuid(), 5);
        stock.Reserve(4);

        var shortfall = stock.TakeBackDelivered(3);

        Assert.Equal((2, 0, 4, 1, true), (shortfall, stock.Available, stock.Reserved, stock.Consumed, stock.NeedsCount));
        Assert.Equal(0, stock.WrittenOff);
        Assert.True(stock.IsBalanced);
    }

    [Fact]
    public void WriteOff_HeldUnits_CountedAsConsumedAndWrittenOff()
    {
        var stock = StockItem.Open(Guid.NewGuid(), 5);
        stock.Reserve(3);

        stock.WriteOff(2);

        Assert.Equal((2, 1, 2, 2), (stock.Available, stock.Reserved, stock.Consumed, stock.WrittenOff));
        Assert.True(stock.IsBalanced);
    }

    [Fact]
    public void Release_MoreThanReserved_Throws()
    {
        var stock = StockItem.Open(Guid.NewGuid(), 5);
        stock.Reserve(1);

        Assert.Throws<InvalidOperationException>(() => stock.Release(2));
    }
}
