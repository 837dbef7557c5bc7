using Fulfilment.Contracts;
using Fulfilment.Warehouse;

namespace Fulfilment.Tests.Warehouse;

/// <summary>Builds an in-memory <see cref="PickingJob"/> in any status through its own transitions.</summary>
internal sealed class PickingJobBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private PickingJobStatus status = PickingJobStatus.Created;
    private IReadOnlyList<LineItem> items = Items.Two;

    public PickingJobBuilder In(PickingJobStatus value)
    {
        status = value;
        return this;
    }

    public PickingJobBuilder With(IReadOnlyList<LineItem> value)
    {
        items = value;
        return this;
    }

    public PickingJob Build()
    {
        var job = PickingJob.Create(Guid.NewGuid(), items, Now).Job!;
        if (status is PickingJobStatus.Picking or PickingJobStatus.Packed or PickingJobStatus.Short)
        {
            job = job.Start(FloorCaller.Picker("picker-1"), Now.AddMinutes(1)).Job!;
        }

        return status switch
        {
            PickingJobStatus.Packed => job.Pack(FloorCaller.Picker("picker-1"), 2, Now.AddMinutes(2)).Job!,
            PickingJobStatus.Short => job.ReportShort(FloorCaller.Picker("picker-1"), job.Lines[0].ProductId, 1, "shelf empty", Now.AddMinutes(2)).Job!,
            PickingJobStatus.Cancelled => job.Cancel("ORDER_CANCELLED", Now.AddMinutes(2)).Job!,
            _ => job,
        };
    }
}
