using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;

namespace Fulfilment.Tests.Inventory;

public sealed class InventorySettlementsTests
{
    private static readonly Guid ReservationId = Guid.Parse("2c646bbb-6331-8ad6-8e4b-a7e0e56c49f8");

    [Theory]
    [InlineData(ReserveStatus.Reserved)]
    [InlineData(ReserveStatus.AlreadyReserved)]
    [InlineData(ReserveStatus.Unavailable)]
    [InlineData(ReserveStatus.AlreadySettled)]
    public void For_BusinessOutcome_Completes(ReserveStatus status)
    {
        var settlement = InventorySettlements.For(new ReserveResult(status, ReservationId));

        Assert.Same(Settlement.Complete, settlement);
    }

    [Theory]
    [InlineData(ReserveStatus.CartAlreadyReserved)]
    [InlineData(ReserveStatus.TooManyLines)]
    [InlineData(ReserveStatus.Invalid)]
    public void For_RefusedCommand_DeadLettersWithTheStatusAndReason(ReserveStatus status)
    {
        var settlement = InventorySettlements.For(new ReserveResult(status, ReservationId, Reason: "the reason"));

        var dead = Assert.IsType<Settlement.DeadLettered>(settlement);
        Assert.Equal((DeadLetterReasons.Unprocessable, $"{status}: the reason"), (dead.Reason, dead.Description));
    }

    [Theory]
    [InlineData(ReservationOutcome.Applied)]
    [InlineData(ReservationOutcome.AlreadyApplied)]
    [InlineData(ReservationOutcome.NotFound)]
    [InlineData(ReservationOutcome.Consumed)]
    public void ForRelease_AnyOutcomeButLinked_Completes(ReservationOutcome outcome)
    {
        var settlement = InventorySettlements.ForRelease(new ReleaseInventory(ReservationId), new ReservationResult(outcome, ReservationId, null, null));

        Assert.Same(Settlement.Complete, settlement);
    }

    [Fact]
    public void ForRelease_LinkedToOrderMeanwhile_ThrowsSoTheMessageIsRedelivered()
    {
        var result = new ReservationResult(ReservationOutcome.LinkedToOrder, ReservationId, null, null);

        var error = Assert.Throws<InvalidOperationException>(() => InventorySettlements.ForRelease(new ReleaseInventory(ReservationId), result));

        Assert.Contains(ReservationId.ToString("D"), error.Message, StringComparison.Ordinal);
    }
}
