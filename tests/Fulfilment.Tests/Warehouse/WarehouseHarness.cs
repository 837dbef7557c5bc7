using Azure.Data.Tables;
using Fulfilment.Contracts;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Warehouse;

/// <summary>
/// The Warehouse context wired on its own Azurite tables, a fake clock and a recording publisher, with helpers to
/// arrange a job in any status through the real operations and to snapshot every row of the table.
/// </summary>
internal sealed class WarehouseHarness
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567); // sub-millisecond: storage must keep full precision

    private WarehouseHarness(TableClient table, PickingJobStore store, WarehouseOptions options)
    {
        Table = table;
        Store = store;
        Jobs = new PickingJobHandler(store, Publisher, Clock, NullLogger<PickingJobHandler>.Instance);
        Floor = new PickingFloorHandler(store, Publisher, Clock, Options.Create(options), NullLogger<PickingFloorHandler>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingPublisher Publisher { get; } = new();

    public TableClient Table { get; }

    public PickingJobStore Store { get; }

    public PickingJobHandler Jobs { get; }

    public PickingFloorHandler Floor { get; }

    public static Task<WarehouseHarness> CreateAsync(AzuriteFixture azurite, WarehouseOptions? options = null) =>
        CreateAsync(azurite.NewTables(), options);

    /// <summary>A Warehouse instance on the given tables: two of them on the same tables are two processes of one app.</summary>
    public static async Task<WarehouseHarness> CreateAsync(TableClientFactory tables, WarehouseOptions? options = null)
    {
        var table = await tables.CreateIfNotExistsAsync(PickingJobStore.TableName, CancellationToken.None);
        return new WarehouseHarness(table, new PickingJobStore(tables), options ?? new WarehouseOptions());
    }

    /// <summary>Creates a job for <paramref name="orderId"/> and drives it to <paramref name="status"/> with the real operations.</summary>
    public Task<PickingJob> ArrangeJobAsync(PickingJobStatus status, Guid? orderId = null, IReadOnlyList<LineItem>? items = null) =>
        DriveAsync(Jobs, Floor, status, orderId ?? Guid.NewGuid(), items ?? Items.Two);

    /// <summary>Creates a job through <paramref name="jobs"/> and drives it to <paramref name="status"/> through the floor (picker-1).</summary>
    public static async Task<PickingJob> DriveAsync(
        PickingJobHandler jobs, PickingFloorHandler floor, PickingJobStatus status, Guid orderId, IReadOnlyList<LineItem> items)
    {
        var outcome = await jobs.CreateAsync(orderId, items, CancellationToken.None);
        if (status is PickingJobStatus.Picking or PickingJobStatus.Packed or PickingJobStatus.Short)
        {
            outcome = await floor.StartAsync(orderId, FloorCaller.Picker("picker-1"), CancellationToken.None);
        }

        outcome = status switch
        {
            PickingJobStatus.Packed => await floor.PackAsync(orderId, FloorCaller.Picker("picker-1"), 2, CancellationToken.None),
            PickingJobStatus.Short => await floor.ReportShortAsync(orderId, FloorCaller.Picker("picker-1"), outcome.Job!.Lines[0].ProductId, 0, "shelf empty", CancellationToken.None),
            PickingJobStatus.Cancelled => await jobs.CancelAsync(orderId, "ORDER_CANCELLED", CancellationToken.None),
            _ => outcome,
        };
        Assert.Equal(status, outcome.Job!.Status);
        return outcome.Job;
    }

    /// <summary>Every row of the table as "RowKey@ETag": any write changes the ETag, so equal snapshots mean no write.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        var rows = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>())
        {
            rows.Add(row.RowKey + "@" + row.ETag);
        }

        return rows;
    }
}
