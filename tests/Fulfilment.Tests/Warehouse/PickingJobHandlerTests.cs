using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;
using Fulfilment.Messaging;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;

namespace Fulfilment.Tests.Warehouse;

/// <summary>The workflow's Warehouse steps against Azurite: create, cancel, ready-for-shipping, get.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingJobHandlerTests(AzuriteFixture azurite)
{
    private static readonly Address Home = new("1 High Street", "Leeds", "LS1 1AA", "GB");
    private static readonly Guid Customer = Guid.Parse("c0ffee00-0000-4000-8000-000000000001");

    [Fact]
    public async Task CreateAsync_NewOrder_StoresCreatedJob()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var orderId = Guid.NewGuid();

        var outcome = await warehouse.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Created, true), (outcome.Kind, outcome.Changed));
        var stored = await warehouse.Jobs.GetAsync(orderId, CancellationToken.None);
        Assert.Equal((PickingJob.JobIdFor(orderId), PickingJobStatus.Created, WarehouseHarness.Start),
            (stored!.JobId, stored.Status, stored.CreatedAt));
        Assert.Equal([new PickingLine(Items.Widget, 3, 0), new PickingLine(Items.Gadget, 1, 0)], stored.Lines);
    }

    [Fact]
    public async Task CreateAsync_SameOrderTwice_OneJobAndSecondIsRepeat()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var orderId = Guid.NewGuid();
        await warehouse.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None);
        var before = await warehouse.SnapshotAsync();

        var second = await warehouse.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Created, false), (second.Kind, second.Changed));
        Assert.Equal(before, await warehouse.SnapshotAsync());
    }

    [Fact]
    public async Task CreateAsync_ConcurrentCreatesForOneOrder_ExactlyOneWrites()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var orderId = Guid.NewGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => warehouse.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None))));

        Assert.All(outcomes, o => Assert.Equal(PickingOutcomeKind.Created, o.Kind));
        Assert.Single(outcomes, o => o.Changed);
        Assert.Equal(2, (await warehouse.SnapshotAsync()).Count); // the job row and its index row
    }

    [Fact]
    public async Task CreateAsync_SecondCallWithOtherItems_ReturnsExistingJobUnchanged()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var orderId = Guid.NewGuid();
        await warehouse.Jobs.CreateAsync(orderId, Items.Two, CancellationToken.None);

        var second = await warehouse.Jobs.CreateAsync(orderId, Items.Of((Guid.NewGuid(), 9)), CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Created, false), (second.Kind, second.Changed));
        Assert.Equal([Items.Widget, Items.Gadget], second.Job!.Lines.Select(l => l.ProductId));
        Assert.Contains("differ", second.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_InvalidItems_InvalidAndNothingWritten()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var outcome = await warehouse.Jobs.CreateAsync(Guid.NewGuid(), Items.Of((Items.Widget, 0)), CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
        Assert.Empty(await warehouse.SnapshotAsync());
    }

    [Theory]
    [InlineData(PickingJobStatus.Created)]
    [InlineData(PickingJobStatus.Picking)]
    [InlineData(PickingJobStatus.Short)]
    public async Task CancelAsync_CancellableJob_StoredAsCancelled(PickingJobStatus status)
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(status);

        var outcome = await warehouse.Jobs.CancelAsync(job.OrderId, "PICKING_TIMEOUT", CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Cancelled, true), (outcome.Kind, outcome.Changed));
        var stored = await warehouse.Jobs.GetAsync(job.OrderId, CancellationToken.None);
        Assert.Equal((PickingJobStatus.Cancelled, "PICKING_TIMEOUT"), (stored!.Status, stored.CancelReason));
    }

    [Fact]
    public async Task CancelAsync_Twice_SecondIsRepeatAndWritesNothing()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Cancelled);
        var before = await warehouse.SnapshotAsync();

        var outcome = await warehouse.Jobs.CancelAsync(job.OrderId, "ORDER_CANCELLED", CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.Cancelled, false), (outcome.Kind, outcome.Changed));
        Assert.Equal(before, await warehouse.SnapshotAsync());
    }

    [Fact]
    public async Task CancelAsync_Packed_RefusedAndJobStaysPacked()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Packed);
        var before = await warehouse.SnapshotAsync();

        var outcome = await warehouse.Jobs.CancelAsync(job.OrderId, "ORDER_CANCELLED", CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.IllegalTransition, PickingJobStatus.Packed), (outcome.Kind, outcome.Job!.Status));
        Assert.Equal(before, await warehouse.SnapshotAsync());
    }

    [Fact]
    public async Task CancelAsync_UnknownOrder_NotFound()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var outcome = await warehouse.Jobs.CancelAsync(Guid.NewGuid(), "ORDER_CANCELLED", CancellationToken.None);

        Assert.Equal((PickingOutcomeKind.NotFound, null), (outcome.Kind, outcome.Job));
    }

    [Fact]
    public async Task PublishReadyForShippingAsync_Packed_PublishesEventFromAddressAndPacking()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Packed);
        warehouse.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await warehouse.Jobs.PublishReadyForShippingAsync(job.OrderId, Customer, Home, ShippingService.Express, CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.ReadyForShipping, outcome.Kind);
        var message = Assert.Single(warehouse.Publisher.Named(MessageNames.OrderReadyForShipping));
        Assert.Equal((MessageIds.For(MessageNames.OrderReadyForShipping, job.OrderId.ToString("D")), job.OrderId.ToString()),
            (message.MessageId, message.CorrelationId));
        Assert.Equal(new OrderReadyForShipping(job.OrderId, Home, job.PackedAt!.Value, Customer, 2, ShippingService.Express),
            ContractJson.Deserialize<OrderReadyForShipping>(message.Body));
    }

    [Fact]
    public async Task PublishReadyForShippingAsync_Packed_PublishedBodyPassesTheContract()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Packed);

        await warehouse.Jobs.PublishReadyForShippingAsync(job.OrderId, Customer, Home, ShippingService.NextDay, CancellationToken.None);

        var body = Assert.Single(warehouse.Publisher.Named(MessageNames.OrderReadyForShipping)).Body;
        var parsed = MessageParser.Parse<OrderReadyForShipping>(body);
        Assert.True(parsed.IsValid, parsed.Describe());
    }

    [Fact]
    public async Task PublishReadyForShippingAsync_CalledTwice_SameMessageIdAndBody()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Packed);
        await warehouse.Jobs.PublishReadyForShippingAsync(job.OrderId, Customer, Home, null, CancellationToken.None);
        warehouse.Clock.Advance(TimeSpan.FromMinutes(5));

        await warehouse.Jobs.PublishReadyForShippingAsync(job.OrderId, Customer, Home, null, CancellationToken.None);

        var messages = warehouse.Publisher.Named(MessageNames.OrderReadyForShipping);
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0], messages[1]);
    }

    [Theory]
    [InlineData(PickingJobStatus.Created)]
    [InlineData(PickingJobStatus.Picking)]
    [InlineData(PickingJobStatus.Short)]
    [InlineData(PickingJobStatus.Cancelled)]
    public async Task PublishReadyForShippingAsync_NotPacked_IllegalTransitionAndNothingPublished(PickingJobStatus status)
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(status);

        var outcome = await warehouse.Jobs.PublishReadyForShippingAsync(job.OrderId, Customer, Home, null, CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.IllegalTransition, outcome.Kind);
        Assert.Empty(warehouse.Publisher.Named(MessageNames.OrderReadyForShipping));
    }

    [Fact]
    public async Task PublishReadyForShippingAsync_UnknownOrder_NotFoundAndNothingPublished()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var outcome = await warehouse.Jobs.PublishReadyForShippingAsync(Guid.NewGuid(), Customer, Home, null, CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.NotFound, outcome.Kind);
        Assert.Empty(warehouse.Publisher.Messages);
    }

    public static TheoryData<Guid, Address> BadRecipients => new()
    {
        { Guid.Empty, Home },
        { Customer, Home with { Country = "gb" } },
        { Customer, Home with { Country = "GBR" } },
        { Customer, Home with { Line1 = " " } },
        { Customer, Home with { City = "" } },
        { Customer, Home with { Postcode = "" } },
    };

    [Theory]
    [MemberData(nameof(BadRecipients))]
    public async Task PublishReadyForShippingAsync_BadCustomerOrAddress_InvalidAndNothingPublished(Guid customerId, Address address)
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Packed);

        var outcome = await warehouse.Jobs.PublishReadyForShippingAsync(job.OrderId, customerId, address, null, CancellationToken.None);

        Assert.Equal(PickingOutcomeKind.Invalid, outcome.Kind);
        Assert.Empty(warehouse.Publisher.Named(MessageNames.OrderReadyForShipping));
    }

    [Fact]
    public async Task GetAsync_ShortPickedJob_RoundTripsEveryField()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);
        var job = await warehouse.ArrangeJobAsync(PickingJobStatus.Short);

        var stored = await warehouse.Jobs.GetAsync(job.OrderId, CancellationToken.None);

        Assert.Equivalent(job, stored, strict: true);
    }

    [Fact]
    public async Task GetAsync_UnknownOrder_Null()
    {
        var warehouse = await WarehouseHarness.CreateAsync(azurite);

        var stored = await warehouse.Jobs.GetAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Null(stored);
    }
}
