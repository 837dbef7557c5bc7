using Fulfilment.Warehouse;

namespace Fulfilment.Tests.BadInput;

/// <summary>The picking floor's operations through <see cref="PickingFloorHandler"/>: illegal transitions, races lost, bad values.</summary>
internal static class PickingFloorCases
{
    private const string EntryPoint = "picking floor";

    public static IEnumerable<BadInputCase> All() =>
    [
        Floor("F-01", "pack a job nobody started", PickingJobStatus.Created, "409 IllegalTransition", "start it before packing", (f, j) => f.PackAsync(j.OrderId, FloorCaller.Picker("picker-1"), 1, default)),
        Floor("F-02", "pack with `parcelCount` 0", PickingJobStatus.Picking, "422 Invalid", "parcelCount must be between 1", (f, j) => f.PackAsync(j.OrderId, FloorCaller.Picker("picker-1"), 0, default)),
        Floor("F-03", "pack with `parcelCount` 1,000", PickingJobStatus.Picking, "422 Invalid", "parcelCount must be between 1", (f, j) => f.PackAsync(j.OrderId, FloorCaller.Picker("picker-1"), 1_000, default)),
        Floor("F-04", "pack a job already packed in another parcel count (lost race)", PickingJobStatus.Packed, "409 Conflict", "already packed in 2 parcel(s)", (f, j) => f.PackAsync(j.OrderId, FloorCaller.Picker("picker-1"), 3, default)),
        Floor("F-05", "pack a short-picked job", PickingJobStatus.Short, "409 IllegalTransition", "cannot be packed", (f, j) => f.PackAsync(j.OrderId, FloorCaller.Picker("picker-1"), 1, default)),
        Floor("F-06", "pack a cancelled job (a finished order)", PickingJobStatus.Cancelled, "409 IllegalTransition", "cannot be packed", (f, j) => f.PackAsync(j.OrderId, FloorCaller.Picker("picker-1"), 1, default)),
        Floor("F-07", "pack an order that has no job", PickingJobStatus.Picking, "404 NotFound", "no picking job for order", (f, _) => f.PackAsync(Guid.NewGuid(), FloorCaller.Picker("picker-1"), 1, default)),
        Floor("F-08", "start a job another picker holds (lost race)", PickingJobStatus.Picking, "409 Conflict", "already being picked by picker-1", (f, j) => f.StartAsync(j.OrderId, FloorCaller.Picker("picker-2"), default)),
        Floor("F-09", "start with an empty `pickerId`", PickingJobStatus.Created, "422 Invalid", "pickerId", (f, j) => f.StartAsync(j.OrderId, FloorCaller.Picker("  "), default)),
        Floor("F-10", "start a packed job", PickingJobStatus.Packed, "409 IllegalTransition", "cannot be started", (f, j) => f.StartAsync(j.OrderId, FloorCaller.Picker("picker-1"), default)),
        Floor("F-11", "short pick of a product not on the job", PickingJobStatus.Picking, "422 Invalid", "is not on this picking job", (f, j) => f.ReportShortAsync(j.OrderId, FloorCaller.Picker("picker-1"), Guid.NewGuid(), 0, "gone", default)),
        Floor("F-12", "short pick with `picked` = the whole line", PickingJobStatus.Picking, "422 Invalid", "picked must be between 0 and", (f, j) => f.ReportShortAsync(j.OrderId, FloorCaller.Picker("picker-1"), j.Lines[0].ProductId, j.Lines[0].Quantity, "miscount", default)),
        Floor("F-13", "short pick with `picked` negative", PickingJobStatus.Picking, "422 Invalid", "picked must be between 0 and", (f, j) => f.ReportShortAsync(j.OrderId, FloorCaller.Picker("picker-1"), j.Lines[0].ProductId, -1, "gone", default)),
        Floor("F-14", "short pick with an empty reason", PickingJobStatus.Picking, "422 Invalid", "reason", (f, j) => f.ReportShortAsync(j.OrderId, FloorCaller.Picker("picker-1"), j.Lines[0].ProductId, 0, "", default)),
        Floor("F-15", "short pick of a packed job", PickingJobStatus.Packed, "409 IllegalTransition", "cannot be reported on a PACKED job", (f, j) => f.ReportShortAsync(j.OrderId, FloorCaller.Picker("picker-1"), j.Lines[0].ProductId, 0, "gone", default)),
        Floor("F-16", "a second, different short pick (lost race)", PickingJobStatus.Short, "409 Conflict", "was already reported", (f, j) => f.ReportShortAsync(j.OrderId, FloorCaller.Picker("picker-1"), j.Lines[1].ProductId, 0, "also gone", default)),
        List("F-17", "list with `pageSize` 0", "pageSize must be between 1 and", f => f.ListAsync(PickingJobStatus.Created, 0, null, default)),
        List("F-18", "list with a forged cursor", "the cursor is malformed", f => f.ListAsync(PickingJobStatus.Created, 10, "not-a-cursor", default)),
        List("F-19", "list with an unknown status", "unknown status", f => f.ListAsync((PickingJobStatus)42, 10, null, default)),
    ];

    private static BadInputCase Floor(
        string id, string input, PickingJobStatus status, string response, string detail, Func<PickingFloorHandler, PickingJob, Task<PickingJobOutcome>> act) =>
        new(id, EntryPoint, input, response, detail, async world =>
        {
            var job = await world.JobAsync(status);
            return async () => CatalogueWorld.Floor(await act(world.Get<PickingFloorHandler>(), job));
        });

    private static BadInputCase List(string id, string input, string detail, Func<PickingFloorHandler, Task<PickingJobListOutcome>> act) =>
        new(id, EntryPoint, input, "400", detail, async world =>
        {
            await world.JobAsync(PickingJobStatus.Created);
            return async () =>
            {
                var outcome = await act(world.Get<PickingFloorHandler>());
                return new Answer(outcome.Succeeded ? "200" : "400", outcome.Invalid ?? "");
            };
        });
}
