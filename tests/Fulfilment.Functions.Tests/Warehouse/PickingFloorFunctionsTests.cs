using Fulfilment.Contracts;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Functions.Warehouse;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;

namespace Fulfilment.Functions.Tests.Warehouse;

/// <summary>The picking floor's endpoints with real requests: answers, problem bodies, jobs changed or not, events published.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PickingFloorFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Guid productId = Guid.NewGuid();
    private FunctionAppHost app = null!;

    private PickingFloorFunctions Floor => app.Function<PickingFloorFunctions>();

    public async Task InitializeAsync() => app = await FunctionAppHost.StartAsync(azurite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ListPickingJobs_ByStatus_AnswersPagesOldestFirstWithACursor()
    {
        var orders = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(await JobAsync());
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await ListAsync("?status=created&pageSize=2");
        var cursor = first.Json.GetProperty("nextCursor").GetString();
        var second = await ListAsync($"?status=CREATED&pageSize=2&cursor={cursor}");

        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal(orders, OrderIds(first).Concat(OrderIds(second)));
        Assert.Equal("CREATED", first.Json.GetProperty("jobs")[0].GetProperty("status").GetString());
        Assert.False(second.Json.TryGetProperty("nextCursor", out _));
    }

    [Theory]
    [InlineData("", "status")]
    [InlineData("?status=LOST", "status")]
    [InlineData("?status=CREATED&pageSize=ten", "pageSize")]
    [InlineData("?status=CREATED&status=PACKED", "status")]
    public async Task ListPickingJobs_MalformedQuery_AnswersBadRequestNamingTheParameter(string query, string parameter)
    {
        var answer = await ListAsync(query);

        Assert.Equal(400, answer.Status);
        Assert.Equal([parameter], answer.ProblemPaths());
    }

    [Fact]
    public async Task ListPickingJobs_PageSizeOverTheMaximum_AnswersUnprocessable()
    {
        var answer = await ListAsync("?status=CREATED&pageSize=1000");

        Assert.Equal(422, answer.Status);
        Assert.Contains("pageSize", answer.Problem().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPicking_CreatedJob_AnswersTheJobPicking()
    {
        var orderId = await JobAsync();

        var answer = await PostAsync(Floor.StartPicking, orderId, "{}");

        Assert.Equal(200, answer.Status);
        Assert.Equal(("PICKING", Principals.Alice), (answer.Json.GetProperty("status").GetString(), answer.Json.GetProperty("picker").GetString()));
        Assert.Equal(PickingJobStatus.Picking, (await JobOfAsync(orderId)).Status);
    }

    [Fact]
    public async Task StartPicking_HeldByAnotherPicker_AnswersConflictAndKeepsThePicker()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");

        var answer = await PostAsync(Floor.StartPicking, orderId, "{}", Principals.BobPicking);

        Assert.Equal(409, answer.Status);
        Assert.Equal(nameof(PickingOutcomeKind.Conflict), answer.Problem().Title);
        Assert.Contains("PICKING", answer.Problem().Detail, StringComparison.Ordinal);
        Assert.Equal(Principals.Alice, (await JobOfAsync(orderId)).Picker);
    }

    [Fact]
    public async Task StartPicking_PickerIdOfTheCaller_AnswersTheJobPickedByTheCaller()
    {
        var orderId = await JobAsync();

        var answer = await PostAsync(Floor.StartPicking, orderId, $$"""{"pickerId":"{{Principals.Alice}}"}""");

        Assert.Equal((200, Principals.Alice), (answer.Status, answer.Json.GetProperty("picker").GetString()));
    }

    [Fact]
    public async Task StartPicking_PickerIdOfSomeoneElse_AnswersForbiddenAndChangesNothing()
    {
        var orderId = await JobAsync();
        var before = await app.SnapshotAsync();

        var answer = await PostAsync(Floor.StartPicking, orderId, $$"""{"pickerId":"{{Principals.Bob}}"}""");

        Assert.Equal((403, nameof(PickingOutcomeKind.Forbidden)), (answer.Status, answer.Problem().Title));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task StartPicking_NoPrincipal_AnswersUnauthorizedAndChangesNothing()
    {
        var orderId = await JobAsync();
        var before = await app.SnapshotAsync();

        var answer = await PostAsync(Floor.StartPicking, orderId, "{}", new Dictionary<string, string>());

        Assert.Equal(401, answer.Status);
        Assert.EndsWith("/unauthenticated", answer.Problem().Type, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task StartPicking_PrincipalWithoutAFloorRole_AnswersForbiddenAndChangesNothing()
    {
        var orderId = await JobAsync();
        var before = await app.SnapshotAsync();

        var answer = await PostAsync(Floor.StartPicking, orderId, "{}", Principals.As(Principals.Bob, "Orders.Reader"));

        Assert.Equal(403, answer.Status);
        Assert.Contains("neither the Warehouse.Picker nor the Warehouse.Supervisor app role", answer.Problem().Detail, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task StartPicking_PrincipalHeaderWhereThePlatformDoesNotAuthenticate_AnswersUnauthorized()
    {
        await using var untrusting = await FunctionAppHost.StartAsync(azurite, new Dictionary<string, string?> { ["Warehouse:TrustClientPrincipal"] = "false" });
        var orderId = Guid.NewGuid();
        await untrusting.Get<PickingJobHandler>().CreateAsync(orderId, [new LineItem(productId, 3)], CancellationToken.None);
        var request = HttpCalls.Request("POST", "{}", headers: Principals.AlicePicking);

        var answer = await untrusting.Function<PickingFloorFunctions>().StartPicking(request, orderId.ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal(401, answer.Status);
        Assert.Contains("TrustClientPrincipal", answer.Problem().Detail, StringComparison.Ordinal);
        Assert.Equal(PickingJobStatus.Created, (await untrusting.Get<PickingJobHandler>().GetAsync(orderId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task StartPicking_UnknownOrder_AnswersNotFound()
    {
        var answer = await PostAsync(Floor.StartPicking, Guid.NewGuid(), "{}");

        Assert.Equal((404, nameof(PickingOutcomeKind.NotFound)), (answer.Status, answer.Problem().Title));
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""{"pickerId":7}""")]
    [InlineData("")]
    public async Task StartPicking_MalformedBody_AnswersBadRequestAndChangesNothing(string body)
    {
        var orderId = await JobAsync();

        var answer = await PostAsync(Floor.StartPicking, orderId, body);

        Assert.Equal(400, answer.Status);
        Assert.Equal(PickingJobStatus.Created, (await JobOfAsync(orderId)).Status);
    }

    [Fact]
    public async Task StartPicking_OrderIdNotAUuid_AnswersBadRequest()
    {
        var request = HttpCalls.Request("POST", "{}", headers: Principals.AlicePicking);

        var answer = await Floor.StartPicking(request, "order-1", CancellationToken.None).AnswerAsync(request);

        Assert.Equal(["orderId"], answer.ProblemPaths());
    }

    [Fact]
    public async Task PackPickingJob_PickingJob_AnswersPackedAndPublishesOrderPacked()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");

        var answer = await PostAsync(Floor.PackPickingJob, orderId, """{"parcelCount":2}""");

        Assert.Equal((200, "PACKED"), (answer.Status, answer.Json.GetProperty("status").GetString()));
        var packed = app.Publisher.Single<OrderPacked>(MessageNames.OrderPacked);
        Assert.Equal((orderId, 2), (packed.OrderId, packed.ParcelCount));
    }

    [Fact]
    public async Task PackPickingJob_NotStarted_AnswersConflictAndPublishesNothing()
    {
        var orderId = await JobAsync();

        var answer = await PostAsync(Floor.PackPickingJob, orderId, """{"parcelCount":2}""");

        Assert.Equal((409, nameof(PickingOutcomeKind.IllegalTransition)), (answer.Status, answer.Problem().Title));
        Assert.Equal(PickingJobStatus.Created, (await JobOfAsync(orderId)).Status);
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task PackPickingJob_NoParcels_AnswersUnprocessableAndChangesNothing()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");

        var answer = await PostAsync(Floor.PackPickingJob, orderId, """{"parcelCount":0}""");

        Assert.Equal((422, nameof(PickingOutcomeKind.Invalid)), (answer.Status, answer.Problem().Title));
        Assert.Equal(PickingJobStatus.Picking, (await JobOfAsync(orderId)).Status);
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task PackPickingJob_BodyOverTheLimit_AnswersPayloadTooLargeAndChangesNothing()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");

        var answer = await PostAsync(Floor.PackPickingJob, orderId, "{\"parcelCount\":2}" + new string(' ', PickingFloorFunctions.MaxBodyBytes));

        Assert.Equal(413, answer.Status);
        Assert.Equal(PickingJobStatus.Picking, (await JobOfAsync(orderId)).Status);
    }

    [Fact]
    public async Task ReportShortPick_PickingJob_AnswersShortAndPublishesOrderShortPicked()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");

        var answer = await PostAsync(Floor.ReportShortPick, orderId, $$"""{"productId":"{{productId}}","picked":1,"reason":"shelf empty"}""");

        Assert.Equal((200, "SHORT"), (answer.Status, answer.Json.GetProperty("status").GetString()));
        var shortPicked = app.Publisher.Single<OrderShortPicked>(MessageNames.OrderShortPicked);
        Assert.Equal((orderId, productId, 3, 1), (shortPicked.OrderId, shortPicked.ProductId, shortPicked.Requested, shortPicked.Picked));
    }

    [Fact]
    public async Task ReportShortPick_ProductNotOnTheJob_AnswersUnprocessableAndPublishesNothing()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");

        var answer = await PostAsync(Floor.ReportShortPick, orderId, $$"""{"productId":"{{Guid.NewGuid()}}","picked":1,"reason":"shelf empty"}""");

        Assert.Equal(422, answer.Status);
        Assert.Equal(PickingJobStatus.Picking, (await JobOfAsync(orderId)).Status);
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task ReportShortPick_ByAnotherPicker_AnswersForbiddenAndWritesNothingOffAndPublishesNothing()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");
        var before = await app.SnapshotAsync();

        var answer = await PostAsync(Floor.ReportShortPick, orderId, $$"""{"productId":"{{productId}}","picked":0,"reason":"nothing on the shelf"}""", Principals.BobPicking);

        Assert.Equal((403, nameof(PickingOutcomeKind.Forbidden)), (answer.Status, answer.Problem().Title));
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task PackPickingJob_ByAnotherPicker_AnswersForbiddenAndPublishesNothing()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");
        var before = await app.SnapshotAsync();

        var answer = await PostAsync(Floor.PackPickingJob, orderId, """{"parcelCount":1}""", Principals.BobPicking);

        Assert.Equal((403, nameof(PickingOutcomeKind.Forbidden)), (answer.Status, answer.Problem().Title));
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Empty(app.Publisher.Messages);
    }

    [Fact]
    public async Task ReportShortPick_BySupervisorOnAnotherPickersJob_AnswersShortAndPublishesOrderShortPicked()
    {
        var orderId = await JobAsync();
        await PostAsync(Floor.StartPicking, orderId, "{}");

        var answer = await PostAsync(Floor.ReportShortPick, orderId, $$"""{"productId":"{{productId}}","picked":2,"reason":"recount"}""", Principals.CarolSupervising);

        Assert.Equal((200, "SHORT"), (answer.Status, answer.Json.GetProperty("status").GetString()));
        Assert.Equal(orderId, app.Publisher.Single<OrderShortPicked>(MessageNames.OrderShortPicked).OrderId);
    }

    [Fact]
    public async Task ListPickingJobs_NoPrincipal_AnswersUnauthorized()
    {
        var request = HttpCalls.Request("GET", query: "?status=CREATED");

        var answer = await Floor.ListPickingJobs(request, CancellationToken.None).AnswerAsync(request);

        Assert.Equal(401, answer.Status);
    }

    private async Task<Guid> JobAsync()
    {
        var orderId = Guid.NewGuid();
        await app.Get<PickingJobHandler>().CreateAsync(orderId, [new LineItem(productId, 3)], CancellationToken.None);
        return orderId;
    }

    private async Task<PickingJob> JobOfAsync(Guid orderId) =>
        await app.Get<PickingJobHandler>().GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException("no job");

    private async Task<HttpAnswer> ListAsync(string query)
    {
        var request = HttpCalls.Request("GET", query: query.Length == 0 ? null : query, headers: Principals.AlicePicking);
        return await Floor.ListPickingJobs(request, CancellationToken.None).AnswerAsync(request);
    }

    /// <summary>A POST by <paramref name="principal"/> (default: Alice, a picker).</summary>
    private static async Task<HttpAnswer> PostAsync(
        Func<Microsoft.AspNetCore.Http.HttpRequest, string, CancellationToken, Task<Microsoft.AspNetCore.Mvc.IActionResult>> endpoint,
        Guid orderId,
        string body,
        IDictionary<string, string>? principal = null)
    {
        var request = HttpCalls.Request("POST", body, headers: principal ?? Principals.AlicePicking);
        return await endpoint(request, orderId.ToString(), CancellationToken.None).AnswerAsync(request);
    }

    private static List<Guid> OrderIds(HttpAnswer page) =>
        [.. page.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("orderId").GetGuid())];
}
