using Fulfilment.Functions.Tests.Support;
using Fulfilment.Functions.Workflow;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.AspNetCore.Mvc;

namespace Fulfilment.Functions.Tests.Workflow;

/// <summary><c>GET /api/fulfilments/{orderId}</c> with real requests, over the in-process Durable engine's client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FulfilmentStatusFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetFulfilment_OrderWaitingForPacking_200WithItsStatusAndRunningInstance()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var (reserved, status) = await app.OrderAwaitingPackingAsync(engine);

        var answer = await GetAsync(app, engine, reserved.OrderId.ToString());

        Assert.Equal((200, "application/json; charset=utf-8"), (answer.Status, answer.ContentType));
        var body = answer.Json;
        Assert.Equal(reserved.OrderId, body.GetProperty("orderId").GetGuid());
        Assert.Equal(("AwaitingPacking", "Running"), (body.GetProperty("stage").GetString(), body.GetProperty("instance").GetString()));
        Assert.Equal(reserved.ReservationId, body.GetProperty("reservationId").GetGuid());
        Assert.Equal(status.PickingJobId, body.GetProperty("pickingJobId").GetGuid());
        Assert.Equal(status.WaitingUntil, body.GetProperty("waitingUntil").GetDateTimeOffset());
        Assert.Equal(
            [nameof(LinkReservationStep), nameof(CreatePickingJobStep)],
            body.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(status.ActivitiesCalled, body.GetProperty("counters").GetProperty("activitiesCalled").GetInt32());
        Assert.False(body.TryGetProperty("outcome", out _));
    }

    [Fact]
    public async Task GetFulfilment_OrderCancelledBeforeItStarted_200WithItsOutcomeAndCompletedInstance()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var (orderId, status) = await app.OrderCancelledBeforeItStartedAsync(engine);

        var answer = await GetAsync(app, engine, orderId.ToString("D").ToUpperInvariant());

        var body = answer.Json;
        Assert.Equal(200, answer.Status);
        Assert.Equal(
            ("Finished", "Cancelled", "Completed", status.Reason),
            (body.GetProperty("stage").GetString(), body.GetProperty("outcome").GetString(), body.GetProperty("instance").GetString(),
                body.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task GetFulfilment_UnknownOrder_404Problem()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);
        var orderId = Guid.NewGuid();

        var answer = await GetAsync(app, engine, orderId.ToString());

        Assert.Equal((404, 404), (answer.Status, answer.Problem().Status));
        Assert.Contains(orderId.ToString(), answer.Problem().Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task GetFulfilment_OrderIdNotAUuid_400ProblemNamingIt(string orderId)
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        await using var engine = await DurableEngine.StartAsync(app);

        var answer = await GetAsync(app, engine, orderId);

        Assert.Equal((400, 400), (answer.Status, answer.Problem().Status));
        Assert.Equal(["orderId"], answer.ProblemPaths());
    }

    private static Task<HttpAnswer> GetAsync(FunctionAppHost app, DurableEngine engine, string orderId)
    {
        var request = HttpCalls.Request("GET");
        Task<IActionResult> call = app.Function<FulfilmentStatusFunction>().GetFulfilment(request, engine.Client, orderId, CancellationToken.None);
        return call.AnswerAsync(request);
    }
}
