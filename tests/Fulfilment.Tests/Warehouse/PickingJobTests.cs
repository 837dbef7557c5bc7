using Fulfilment.Contracts;
using Fulfilment.Warehouse;

namespace Fulfilment.Tests.Warehouse;

/// <summary>The job's own transition rules, without storage.</summary>
public sealed class PickingJobTests
{
    private static readonly DateTimeOffset Later = PickingJobBuilder.Now.AddHours(1);

    [Fact]
    public void Create_SameProductTwice_MergesIntoOneLine()
    {
        var items = Items.Of((Items.Widget, 2), (Items.Gadget, 1), (Items.Widget, 3));

        var outcome = PickingJob.Create(Guid.NewGuid(), items, PickingJobBuilder.Now);

        Assert.Equal([new PickingLine(Items.Widget, 5, 0), new PickingLine(Items.Gadget, 1, 0)], outcome.Job!.Lines);
    }

    [Fact]
    public void Create_ValidItems_IsCreatedWithDeterministicJobId()
    {
        var orderId = Guid.NewGuid();

        var outcome = PickingJob.Create(orderId, Items.Two, PickingJobBuilder.Now);

        Assert.Equal((PickingOutcomeKind.Created, true, PickingJobStatus.Created), (outcome.Kind, outcome.Changed, outcome.Job!.Status));
        Assert.Equal(PickingJob.JobIdFor(orderId), outcome.Job.JobId);
    }

    public static TheoryData<LineItem[]> BadItems => new()
    {
        Array.Empty<LineItem>(),
        new[] { new LineItem(Items.Widget, 0) },
        new[] { new LineItem(Items.Widget, -2) },
        new[] { new LineItem(Guid.Empty, 1) },
        Items.Distinct(PickingJob.MaxLines + 1).ToArray(),
        new[] { new LineItem(Items.Widget, int.MaxValue), new LineItem(Items.Widget, 1) },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public void Create_BadItems_Invalid(LineItem[] items)
    {
        var outcome = PickingJob.Create(Guid.NewGuid(), items, PickingJobBuilder.Now);

        Assert.Equal((PickingOutcomeKind.Invalid, null), (outcome.Kind, outcome.Job));
    }

    [Fact]
    public void Start_Created_PickingByThatPicker()
    {
        var job = new PickingJobBuilder().Build();

        var outcome = job.Start(FloorCaller.Picker(" picker-7 "), Later);

        Assert.Equal((PickingOutcomeKind.Started, true), (outcome.Kind, outcome.Changed));
        Assert.Equal((PickingJobStatus.Picking, "picker-7", Later, Later),
            (outcome.Job!.Status, outcome.Job.Picker, outcome.Job.StartedAt, outcome.Job.StatusChangedAt));
    }

    [Fact]
    public void Start_SamePickerAgain_RepeatedWithoutChange()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.Start(FloorCaller.Picker("picker-1"), Later);

        Assert.Equal((PickingOutcomeKind.Started, false), (outcome.Kind, outcome.Changed));
        Assert.Same(job, outcome.Job);
    }

    [Fact]
    public void Start_OtherPickerWhilePicking_Conflict()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.Start(FloorCaller.Picker("picker-2"), Later);

        Assert.Equal((PickingOutcomeKind.Conflict, false), (outcome.Kind, outcome.Changed));
        Assert.Contains("picker-1", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Start_NoPicker_Invalid(string? picker)
    {
        var job = new PickingJobBuilder().Build();

        var outcome = job.Start(FloorCaller.Picker(picker!), Later);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void Start_PickerLongerThanLimit_Invalid()
    {
        var job = new PickingJobBuilder().Build();

        var outcome = job.Start(FloorCaller.Picker(new string('p', PickingJob.MaxTextLength + 1)), Later);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void Pack_Picking_PackedWithEveryLinePicked()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.Pack(FloorCaller.Picker("picker-1"), 3, Later);

        Assert.Equal((PickingOutcomeKind.Packed, true, PickingJobStatus.Packed, 3, Later),
            (outcome.Kind, outcome.Changed, outcome.Job!.Status, outcome.Job.ParcelCount, outcome.Job.PackedAt));
        Assert.All(outcome.Job.Lines, l => Assert.Equal(l.Quantity, l.Picked));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PickingJob.MaxParcelCount + 1)]
    public void Pack_ParcelCountOutOfRange_Invalid(int parcelCount)
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.Pack(FloorCaller.Picker("picker-1"), parcelCount, Later);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void Pack_PackedWithSameCount_RepeatedWithoutChange()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Packed).Build();

        var outcome = job.Pack(FloorCaller.Picker("picker-1"), 2, Later);

        Assert.Equal((PickingOutcomeKind.Packed, false), (outcome.Kind, outcome.Changed));
        Assert.Same(job, outcome.Job);
    }

    [Fact]
    public void Pack_PackedWithOtherCount_Conflict()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Packed).Build();

        var outcome = job.Pack(FloorCaller.Picker("picker-1"), 5, Later);

        Assert.Equal(PickingOutcomeKind.Conflict, outcome.Kind);
    }

    [Fact]
    public void ReportShort_Picking_ShortWithTheLineAndReason()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.ReportShort(FloorCaller.Picker("picker-1"), Items.Widget, 1, " only one on the shelf ", Later);

        Assert.Equal((PickingOutcomeKind.ShortPicked, true, PickingJobStatus.Short), (outcome.Kind, outcome.Changed, outcome.Job!.Status));
        Assert.Equal(new ShortPick(Items.Widget, 3, 1, "only one on the shelf", Later), outcome.Job.ShortPick);
        Assert.Equal(new PickingLine(Items.Widget, 3, 1), outcome.Job.Lines.Single(l => l.ProductId == Items.Widget));
    }

    [Fact]
    public void ReportShort_ProductNotOnJob_Invalid()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.ReportShort(FloorCaller.Picker("picker-1"), Guid.NewGuid(), 0, "missing", Later);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(4)]
    public void ReportShort_PickedNotBelowQuantity_Invalid(int picked)
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.ReportShort(FloorCaller.Picker("picker-1"), Items.Widget, picked, "count", Later);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void ReportShort_SameShortAgain_RepeatedWithoutChange()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Short).Build();

        var outcome = job.ReportShort(FloorCaller.Picker("picker-1"), job.ShortPick!.ProductId, job.ShortPick.Picked, "again", Later);

        Assert.Equal((PickingOutcomeKind.ShortPicked, false), (outcome.Kind, outcome.Changed));
        Assert.Same(job, outcome.Job);
    }

    [Fact]
    public void ReportShort_OtherShortAfterShort_Conflict()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Short).Build();

        var outcome = job.ReportShort(FloorCaller.Picker("picker-1"), Items.Gadget, 0, "also missing", Later);

        Assert.Equal(PickingOutcomeKind.Conflict, outcome.Kind);
    }

    [Theory]
    [InlineData(PickingJobStatus.Created)]
    [InlineData(PickingJobStatus.Picking)]
    [InlineData(PickingJobStatus.Short)]
    public void Cancel_CancellableStatus_CancelledWithReason(PickingJobStatus status)
    {
        var job = new PickingJobBuilder().In(status).Build();

        var outcome = job.Cancel("PICKING_TIMEOUT", Later);

        Assert.Equal((PickingOutcomeKind.Cancelled, true), (outcome.Kind, outcome.Changed));
        Assert.Equal((PickingJobStatus.Cancelled, "PICKING_TIMEOUT", Later),
            (outcome.Job!.Status, outcome.Job.CancelReason, outcome.Job.CancelledAt));
    }

    [Fact]
    public void Cancel_Cancelled_RepeatedKeepingTheFirstReason()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Cancelled).Build();

        var outcome = job.Cancel("SOMETHING_ELSE", Later);

        Assert.Equal((PickingOutcomeKind.Cancelled, false, "ORDER_CANCELLED"), (outcome.Kind, outcome.Changed, outcome.Job!.CancelReason));
    }

    [Fact]
    public void Cancel_NoReason_Invalid()
    {
        var job = new PickingJobBuilder().Build();

        var outcome = job.Cancel(" ", Later);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
    }

    [Theory]
    [InlineData(PickingJobStatus.Packed, "start")]
    [InlineData(PickingJobStatus.Cancelled, "start")]
    [InlineData(PickingJobStatus.Short, "start")]
    [InlineData(PickingJobStatus.Created, "pack")]
    [InlineData(PickingJobStatus.Cancelled, "pack")]
    [InlineData(PickingJobStatus.Short, "pack")]
    [InlineData(PickingJobStatus.Created, "short")]
    [InlineData(PickingJobStatus.Packed, "short")]
    [InlineData(PickingJobStatus.Cancelled, "short")]
    [InlineData(PickingJobStatus.Packed, "cancel")]
    public void Transition_NotAllowedFromStatus_IllegalTransitionWithSameJob(PickingJobStatus status, string operation)
    {
        var job = new PickingJobBuilder().In(status).Build();

        var outcome = Apply(job, operation);

        Assert.Equal((PickingOutcomeKind.IllegalTransition, false), (outcome.Kind, outcome.Changed));
        Assert.Same(job, outcome.Job);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    [Theory]
    [InlineData(PickingJobStatus.Picking, "pack")]
    [InlineData(PickingJobStatus.Picking, "short")]
    [InlineData(PickingJobStatus.Packed, "pack")]
    [InlineData(PickingJobStatus.Short, "short")]
    [InlineData(PickingJobStatus.Short, "pack")]
    public void Transition_ByAnotherPicker_ForbiddenWithoutTheJob(PickingJobStatus status, string operation)
    {
        var job = new PickingJobBuilder().In(status).Build();

        var outcome = operation == "pack"
            ? job.Pack(FloorCaller.Picker("picker-2"), 1, Later)
            : job.ReportShort(FloorCaller.Picker("picker-2"), Items.Gadget, 0, "missing", Later);

        Assert.Equal((PickingOutcomeKind.Forbidden, false, null), (outcome.Kind, outcome.Changed, outcome.Job));
        Assert.Contains("only its picker or a supervisor", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportShort_ByAnotherPickerWithInvalidInput_ForbiddenBeforeTheInputIsJudged()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.ReportShort(FloorCaller.Picker("picker-2"), Guid.NewGuid(), -1, "", Later);

        Assert.Equal(PickingOutcomeKind.Forbidden, outcome.Kind);
    }

    [Fact]
    public void ReportShort_BySupervisor_ShortAndThePickerKept()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.ReportShort(FloorCaller.Supervisor("supervisor-1"), Items.Widget, 0, "recount", Later);

        Assert.Equal((PickingOutcomeKind.ShortPicked, PickingJobStatus.Short, "picker-1"), (outcome.Kind, outcome.Job!.Status, outcome.Job.Picker));
    }

    [Fact]
    public void Pack_ByThePickerWithPaddedId_Packed()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.Pack(FloorCaller.Picker(" picker-1 "), 1, Later);

        Assert.Equal(PickingOutcomeKind.Packed, outcome.Kind);
    }

    [Fact]
    public void Pack_BlankCaller_Invalid()
    {
        var job = new PickingJobBuilder().In(PickingJobStatus.Picking).Build();

        var outcome = job.Pack(FloorCaller.Supervisor(" "), 1, Later);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
    }

    internal static PickingJobOutcome Apply(PickingJob job, string operation) => operation switch
    {
        "start" => job.Start(FloorCaller.Picker("picker-9"), Later),
        "pack" => job.Pack(FloorCaller.Picker("picker-1"), 1, Later),
        "short" => job.ReportShort(FloorCaller.Picker("picker-1"), Items.Gadget, 0, "missing", Later),
        "cancel" => job.Cancel("ORDER_CANCELLED", Later),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
