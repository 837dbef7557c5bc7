using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using static Fulfilment.Tests.Workflow.StepNames;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// Every path end to end over Azurite with the real Inventory and Warehouse: the exact steps run, what was
/// published, and the product's books afterwards (3 of 10 units ordered).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FulfilmentPathTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Fulfil_Delivered_ConsumesTheReservation()
    {
        var order = await ShippedAsync();

        await order.ShipmentDeliveredAsync();

        Assert.Equal([Link, CreateJob, Ready, Consume], order.StepsRun);
        Assert.Equal([MessageNames.OrderPacked, MessageNames.OrderReadyForShipping], order.PublishedNames);
        Assert.Equal(FulfilmentOutcome.Completed, order.Status.Outcome);
        await order.AssertStockAsync(available: 7, reserved: 0, consumed: 3);
    }

    [Fact]
    public async Task Fulfil_ReservationMissing_FailsAtOnceAndChangesNothing()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);

        await order.CompleteOrderAsync(order.OrderCompleted(reservationId: Guid.NewGuid()));

        Assert.Equal([Link, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.ReservationNotFound, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 7, reserved: 3, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_ReservationReleased_FailsAtOnce()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.Reservations.ReleaseAsync(order.ReservationId, "CHECKOUT_FAILED", CancellationToken.None);

        await order.CompleteOrderAsync();

        Assert.Equal([Link, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.ReservationReleased, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_ReservationExpired_FailsAtOnceAndTheStockIsBackOnSale()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        order.Clock.Advance(TimeSpan.FromMinutes(31));

        await order.CompleteOrderAsync();

        Assert.Equal([Link, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.ReservationExpired, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_CancelledBeforePicking_CancelsTheJobAndReleases()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();

        await order.CancelAsync();

        Assert.Equal([Link, CreateJob, CancelJob, Release, Cancelled], order.StepsRun);
        Assert.Equal([MessageNames.FulfilmentCancelled], order.PublishedNames);
        Assert.Equal(CancellationReason.CustomerRequested, ValidSingle<FulfilmentCancelled>(order, MessageNames.FulfilmentCancelled).Reason);
        Assert.Equal(FulfilmentOutcome.Cancelled, order.Status.Outcome);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_CancelledDuringPicking_CancelsTheJobAndReleases()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        await order.Floor.StartAsync(order.OrderId, "picker-1", CancellationToken.None);

        await order.CancelAsync();

        Assert.Equal([Link, CreateJob, CancelJob, Release, Cancelled], order.StepsRun);
        Assert.Equal(Fulfilment.Warehouse.PickingJobStatus.Cancelled, (await order.Get<Fulfilment.Warehouse.PickingJobHandler>().GetAsync(order.OrderId, CancellationToken.None))!.Status);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_CancelledAfterPacking_ReleasesWithoutCancellingThePackedJob()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        await order.PickAndPackAsync();

        await order.CancelAsync();

        Assert.Equal([Link, CreateJob, Ready, Release, Cancelled], order.StepsRun);
        Assert.Equal([MessageNames.OrderPacked, MessageNames.OrderReadyForShipping, MessageNames.FulfilmentCancelled], order.PublishedNames);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_CancelledAfterDispatch_IsRefusedAndDeliveryGoesOn()
    {
        var order = await ShippedAsync();

        await order.CancelAsync();
        await order.ShipmentDeliveredAsync();

        Assert.Equal([Link, CreateJob, Ready, Refused, Consume], order.StepsRun);
        Assert.Equal([MessageNames.OrderPacked, MessageNames.OrderReadyForShipping, MessageNames.OrderCancellationRefused], order.PublishedNames);
        Assert.Equal(order.OrderId, ValidSingle<OrderCancellationRefused>(order, MessageNames.OrderCancellationRefused).OrderId);
        Assert.Equal(FulfilmentOutcome.Completed, order.Status.Outcome);
        await order.AssertStockAsync(available: 7, reserved: 0, consumed: 3);
    }

    [Fact]
    public async Task Fulfil_ShortPick_WritesOffTheMissingUnitAndFlagsTheProduct()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        await order.Floor.StartAsync(order.OrderId, "picker-1", CancellationToken.None);

        await order.Floor.ReportShortAsync(order.OrderId, order.ProductId, 2, "EMPTY_BIN", CancellationToken.None);
        await order.PumpAsync();

        Assert.Equal([Link, CreateJob, CancelJob, Release, Failed], order.StepsRun);
        Assert.Equal([MessageNames.OrderShortPicked, MessageNames.FulfilmentFailed], order.PublishedNames);
        Assert.Equal(FulfilmentFailureReason.ShortPick, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 9, reserved: 0, consumed: 1, writtenOff: 1);
        Assert.True((await order.StockAsync()).NeedsCount);
    }

    [Fact]
    public async Task Fulfil_NotPackedInTime_CancelsTheJobAndReleases()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();

        await order.Runtime.AdvanceAsync(TimeSpan.FromHours(48));

        Assert.Equal([Link, CreateJob, CancelJob, Release, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.PickingTimeout, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_CarrierRejects_ReleasesTheStock()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        await order.PickAndPackAsync();

        await order.RouteAsync(MessageNames.ShipmentRejected, new ShipmentRejected(order.OrderId, 422, "postcode unknown", order.Clock.GetUtcNow()));

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.CarrierRejected, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_NoShipmentInTime_ReleasesTheStock()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        await order.PickAndPackAsync();

        await order.Runtime.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.ShipmentCreationTimeout, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Theory]
    [InlineData(ShipmentFailureReason.ReturnedToSender, 10, 0, 0)]
    [InlineData(ShipmentFailureReason.FailedDelivery, 10, 0, 0)]
    [InlineData(ShipmentFailureReason.Lost, 7, 3, 3)]
    [InlineData(ShipmentFailureReason.Damaged, 7, 3, 3)]
    public async Task Fulfil_ShipmentFailsAfterCreation_ReturnsOrWritesOffTheStock(ShipmentFailureReason reason, int available, int consumed, int writtenOff)
    {
        var order = await ShippedAsync();

        await order.ShipmentFailedAsync(reason);

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.ShipmentFailed, SingleFailure(order).Reason);
        await order.AssertStockAsync(available, reserved: 0, consumed, writtenOff);
    }

    [Fact]
    public async Task Fulfil_NotDeliveredInTime_WritesTheStockOff()
    {
        var order = await ShippedAsync();

        await order.Runtime.AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Equal([Link, CreateJob, Ready, Release, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.DeliveryTimeout, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 7, reserved: 0, consumed: 3, writtenOff: 3);
    }

    [Fact]
    public async Task Fulfil_DuplicateStartAndEvents_HaveOneEffectEach()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        var secondStart = await order.CompleteOrderAsync();
        await order.PickAndPackAsync();
        await order.ShipmentCreatedAsync();
        await order.ShipmentCreatedAsync();

        await order.ShipmentDeliveredAsync();
        var late = await order.ShipmentDeliveredAsync();

        Assert.Equal((StartOutcome.AlreadyExists, RaiseOutcome.InstanceFinished), (secondStart, late));
        Assert.Equal([Link, CreateJob, Ready, Consume], order.StepsRun);
        await order.AssertStockAsync(available: 7, reserved: 0, consumed: 3);
    }

    [Fact]
    public async Task Fulfil_DeliveredReportedWithoutCreated_ConsumesTheReservation()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        await order.PickAndPackAsync();

        await order.ShipmentDeliveredAsync();
        await order.Runtime.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.Equal([Link, CreateJob, Ready, Consume], order.StepsRun);
        Assert.Equal(FulfilmentOutcome.Completed, order.Status.Outcome);
        await order.AssertStockAsync(available: 7, reserved: 0, consumed: 3);
    }

    [Fact]
    public async Task Fulfil_StepFailsTransiently_IsRetriedAndTheOrderCompletes()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        FailFirst(order, order.Get<CreatePickingJobStep>(), times: 2);
        await order.CompleteOrderAsync();
        await order.PickAndPackAsync();
        await order.ShipmentCreatedAsync();

        await order.ShipmentDeliveredAsync();

        Assert.Equal([Link, CreateJob, Ready, Consume], order.StepsRun);
        Assert.Equal(2, order.Runtime.StepCalls(order.InstanceId).Count(c => c is { Step: CreateJob, Succeeded: false }));
        await order.AssertStockAsync(available: 7, reserved: 0, consumed: 3);
    }

    [Fact]
    public async Task Fulfil_ReleaseFailsOnEveryAttempt_EndsCompensationFailedWithTheStockStillHeld()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        FailFirst(order, order.Get<ReleaseReservationStep>(), times: int.MaxValue);
        await order.CompleteOrderAsync();

        await order.CancelAsync();

        Assert.Equal([Link, CreateJob, CancelJob, Failed], order.StepsRun);
        Assert.Equal(FulfilmentOutcome.CompensationFailed, order.Status.Outcome);
        Assert.StartsWith("ReleaseReservationStep failed while compensating ORDER_CANCELLED", order.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(FulfilmentFailureReason.CompensationFailed, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 7, reserved: 3, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_LinkCommittedButItsAnswerLostForACartReference_ReleasesTheLinkedReservation()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        RunThenFail(order, order.Get<LinkReservationStep>());

        await order.CompleteOrderAsync(order.OrderCompletedByCart());

        Assert.Equal([Release, Failed], order.StepsRun);
        Assert.Equal(FulfilmentFailureReason.StepFailed, SingleFailure(order).Reason);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    [Fact]
    public async Task Fulfil_CancelledBeforeOrderCompleted_CancellationWinsAndTheOrderNeverStarts()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);

        var cancelled = await order.DispatchAsync(MessageNames.OrderCancelled, order.OrderCancelled());
        var completed = await order.DispatchAsync(MessageNames.OrderCompleted, order.OrderCompleted());

        Assert.Equal((Settlement.Complete, Settlement.Complete), (cancelled, completed));
        Assert.Equal([Cancelled], order.StepsRun);
        Assert.Equal([MessageNames.FulfilmentCancelled], order.PublishedNames);
        Assert.Equal(FulfilmentOutcome.Cancelled, order.Status.Outcome);
    }

    [Fact]
    public async Task Fulfil_CancelledBeforeOrderCompleted_TheUnlinkedReservationIsReleasedByExpiry()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.DispatchAsync(MessageNames.OrderCancelled, order.OrderCancelled());
        await order.DispatchAsync(MessageNames.OrderCompleted, order.OrderCompleted());

        var expired = await order.ExpireReservationsAsync();

        Assert.Equal(1, expired);
        await order.AssertStockAsync(available: 10, reserved: 0, consumed: 0);
    }

    /// <summary>The one fulfilment-failed published, checked against its contract first.</summary>
    private static FulfilmentFailed SingleFailure(FulfilmentPathHarness order) => ValidSingle<FulfilmentFailed>(order, MessageNames.FulfilmentFailed);

    private static T ValidSingle<T>(FulfilmentPathHarness order, string name)
        where T : class
    {
        var parsed = MessageParser.Parse<T>(Assert.Single(order.Published.Named(name)).Body);
        Assert.True(parsed.IsValid, parsed.Describe());
        return parsed.Message!;
    }

    /// <summary>Replaces a step with one that throws on its first <paramref name="times"/> attempts, then runs the real one.</summary>
    private static void FailFirst<TRequest, TResult>(FulfilmentPathHarness order, IWorkflowStep<TRequest, TResult> realStep, int times)
    {
        var step = realStep.GetType().Name;
        var left = times;
        order.Registry.Add<TRequest, TResult>(step, (request, cancellationToken) =>
            Interlocked.Decrement(ref left) >= 0 ? throw new TimeoutException($"{step} timed out") : realStep.RunAsync(request, cancellationToken));
    }

    /// <summary>Replaces a step with one whose every attempt runs the real one (its effect commits) and then loses the answer.</summary>
    private static void RunThenFail<TRequest, TResult>(FulfilmentPathHarness order, IWorkflowStep<TRequest, TResult> realStep)
    {
        var step = realStep.GetType().Name;
        order.Registry.Add<TRequest, TResult>(step, async (request, cancellationToken) =>
        {
            await realStep.RunAsync(request, cancellationToken);
            throw new TimeoutException($"{step}: the answer was lost");
        });
    }

    private async Task<FulfilmentPathHarness> ShippedAsync()
    {
        var order = await FulfilmentPathHarness.CreateAsync(azurite);
        await order.CompleteOrderAsync();
        await order.PickAndPackAsync();
        await order.ShipmentCreatedAsync();
        return order;
    }
}
