using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;

namespace Fulfilment.Tests.Warehouse;

/// <summary>Listing jobs by status against Azurite: oldest first, paged with a cursor, bad requests refused.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingFloorHandlerListTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListAsync_MoreJobsThanAPage_PagesOldestFirstAcrossPages()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var created = await CreateJobsAsync(warehouse, 5);

        var listed = await ListAllAsync(warehouse, PickingJobStatus.Created, pageSize: 2);

        Assert.Equal([2, 2, 1], listed.Select(p => p.Jobs.Count));
        Assert.Equal(created, listed.SelectMany(p => p.Jobs).Select(j => j.OrderId));
    }

    [Fact]
    public async Task ListAsync_Picking_OrderedByWhenPickingStartedNotWhenCreated()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var created = await CreateJobsAsync(warehouse, 3);
        foreach (var orderId in created.Reverse())
        {
            warehouse.Clock.Advance(TimeSpan.FromMinutes(1));
            await warehouse.Floor.StartAsync(orderId, FloorCaller.Picker("picker-1"), CancellationToken.None);
        }

        var listed = await ListAllAsync(warehouse, PickingJobStatus.Picking, pageSize: 10);

        Assert.Equal(created.Reverse(), listed.Single().Jobs.Select(j => j.OrderId));
    }

    [Fact]
    public async Task ListAsync_JobThatLeftTheStatus_ListedOnlyUnderItsNewStatus()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var created = await CreateJobsAsync(warehouse, 2);
        await warehouse.Floor.StartAsync(created[0], FloorCaller.Picker("picker-1"), CancellationToken.None);

        var waiting = await ListAllAsync(warehouse, PickingJobStatus.Created, pageSize: 10);
        var picking = await ListAllAsync(warehouse, PickingJobStatus.Picking, pageSize: 10);

        Assert.Equal([created[1]], waiting.Single().Jobs.Select(j => j.OrderId));
        Assert.Equal([created[0]], picking.Single().Jobs.Select(j => j.OrderId));
    }

    [Fact]
    public async Task ListAsync_ExactlyOnePageOfJobs_NoNextCursor()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        await CreateJobsAsync(warehouse, 3);

        var outcome = await warehouse.Floor.ListAsync(PickingJobStatus.Created, 3, null, CancellationToken.None);

        Assert.Equal((3, null), (outcome.Page!.Jobs.Count, outcome.Page.NextCursor));
    }

    [Fact]
    public async Task ListAsync_NoPageSize_UsesTheConfiguredDefault()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite, new WarehouseOptions { DefaultPageSize = 2, MaxPageSize = 5 });
        await CreateJobsAsync(warehouse, 3);

        var outcome = await warehouse.Floor.ListAsync(PickingJobStatus.Created, null, null, CancellationToken.None);

        Assert.Equal(2, outcome.Page!.Jobs.Count);
        Assert.NotNull(outcome.Page.NextCursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task ListAsync_PageSizeOutOfRange_Refused(int pageSize)
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var outcome = await warehouse.Floor.ListAsync(PickingJobStatus.Created, pageSize, null, CancellationToken.None);

        Assert.Equal((false, null), (outcome.Succeeded, outcome.Page));
        Assert.Contains("pageSize", outcome.Invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_CursorFromAnotherStatus_Refused()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        await CreateJobsAsync(warehouse, 2);
        var first = await warehouse.Floor.ListAsync(PickingJobStatus.Created, 1, null, CancellationToken.None);

        var outcome = await warehouse.Floor.ListAsync(PickingJobStatus.Picking, 1, first.Page!.NextCursor, CancellationToken.None);

        Assert.False(outcome.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c3RhdHVzfENSRUFURUR8")] // "status|CREATED|": the prefix alone, no position
    [InlineData("am9ifDEyMw")] // "job|123": a job row key, not an index position
    public async Task ListAsync_MalformedCursor_Refused(string cursor)
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var outcome = await warehouse.Floor.ListAsync(PickingJobStatus.Created, 5, cursor, CancellationToken.None);

        Assert.Contains("cursor", outcome.Invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_UndefinedStatus_Refused()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var outcome = await warehouse.Floor.ListAsync((PickingJobStatus)42, 5, null, CancellationToken.None);

        Assert.Contains("status", outcome.Invalid, StringComparison.Ordinal);
    }

    /// <summary>Creates jobs a minute apart, with order ids that sort the other way round, and returns them oldest first.</summary>
    private static async Task<Guid[]> CreateJobsAsync(WarehouseHarness warehouse, int count)
    {
        var orderIds = Enumerable.Range(1, count).Select(i => Guid.Parse($"{(100 - i):D8}-0000-4000-8000-000000000000")).ToArray();
        foreach (var orderId in orderIds)
        {
            warehouse.Clock.Advance(TimeSpan.FromMinutes(1));
            await warehouse.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None);
        }

        return orderIds;
    }

    private static async Task<IReadOnlyList<PickingJobPage>> ListAllAsync(WarehouseHarness warehouse, PickingJobStatus status, int pageSize)
    {
        var pages = new List<PickingJobPage>();
        string? cursor = null;
        do
        {
            var outcome = await warehouse.Floor.ListAsync(status, pageSize, cursor, CancellationToken.None);
            pages.Add(outcome.Page!);
            cursor = outcome.Page!.NextCursor;
        }
        while (cursor is not null);

        return pages;
    }
}
