using Fulfilment.Functions.Inventory;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Tests.Support;

namespace Fulfilment.Functions.Tests.Inventory;

[Collection(AzuriteCollection.Name)]
public sealed class StockFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetStock_KnownProduct_AnswersTheStockLevel()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(12);
        var request = HttpCalls.Request("GET");

        var answer = await app.Function<StockFunctions>().GetStock(request, product.ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal(200, answer.Status);
        Assert.Equal(product, answer.Json.GetProperty("productId").GetGuid());
        Assert.Equal((12, 0), (answer.Json.GetProperty("available").GetInt32(), answer.Json.GetProperty("reserved").GetInt32()));
    }

    [Fact]
    public async Task GetStock_UnknownProduct_AnswersNotFoundProblem()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var request = HttpCalls.Request("GET");

        var answer = await app.Function<StockFunctions>().GetStock(request, Guid.NewGuid().ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal((404, 404), (answer.Status, answer.Problem().Status));
        Assert.EndsWith("/not-found", answer.Problem().Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStock_ProductIdNotAUuid_AnswersBadRequestNamingIt()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var request = HttpCalls.Request("GET");

        var answer = await app.Function<StockFunctions>().GetStock(request, "sku-42", CancellationToken.None).AnswerAsync(request);

        Assert.Equal(400, answer.Status);
        Assert.Equal(["productId"], answer.ProblemPaths());
    }

    [Fact]
    public async Task PutStock_Set_CorrectsTheStockAndAnswersTheRecord()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var request = HttpCalls.Request("PUT", $$"""{"operationId":"{{Guid.NewGuid()}}","available":7,"reason":"cycle count"}""");

        var answer = await app.Function<StockFunctions>().PutStock(request, product.ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal(200, answer.Status);
        Assert.Equal("APPLIED", answer.Json.GetProperty("outcome").GetString());
        Assert.Equal(7, answer.Json.GetProperty("stock").GetProperty("available").GetInt32());
        Assert.Equal((7, 3), ((await app.StockOfAsync(product)).Available, (await app.StockOfAsync(product)).WrittenOff));
    }

    [Fact]
    public async Task PutStock_RestockRepeated_AppliesOnce()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var body = $$"""{"operationId":"{{Guid.NewGuid()}}","restock":5}""";
        var functions = app.Function<StockFunctions>();
        var first = HttpCalls.Request("PUT", body);
        await functions.PutStock(first, product.ToString(), CancellationToken.None).AnswerAsync(first);
        var again = HttpCalls.Request("PUT", body);

        var answer = await functions.PutStock(again, product.ToString(), CancellationToken.None).AnswerAsync(again);

        Assert.Equal(200, answer.Status);
        Assert.Equal("ALREADY_APPLIED", answer.Json.GetProperty("outcome").GetString());
        Assert.Equal(15, (await app.StockOfAsync(product)).Available);
    }

    [Fact]
    public async Task PutStock_OperationIdUsedForAnotherChange_AnswersConflictAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var operationId = Guid.NewGuid();
        var functions = app.Function<StockFunctions>();
        var first = HttpCalls.Request("PUT", $$"""{"operationId":"{{operationId}}","restock":5}""");
        await functions.PutStock(first, product.ToString(), CancellationToken.None).AnswerAsync(first);
        var other = HttpCalls.Request("PUT", $$"""{"operationId":"{{operationId}}","available":1,"reason":"count"}""");

        var answer = await functions.PutStock(other, product.ToString(), CancellationToken.None).AnswerAsync(other);

        Assert.Equal(409, answer.Status);
        Assert.Equal(15, (await app.StockOfAsync(product)).Available);
    }

    [Theory]
    [InlineData("""{"available":3,"reason":"count"}""", "$")]
    [InlineData("""{"operationId":"00000000-0000-0000-0000-000000000000","restock":3}""", "$.operationId")]
    [InlineData("""{"operationId":"5b0c3f0e-7f0a-4c55-9a55-3b7e3a7c2d11"}""", "$")]
    [InlineData("""{"operationId":"5b0c3f0e-7f0a-4c55-9a55-3b7e3a7c2d11","available":3,"restock":3}""", "$")]
    [InlineData("""{"operationId":"5b0c3f0e-7f0a-4c55-9a55-3b7e3a7c2d11","available":"three"}""", "$.available")]
    [InlineData("""{"operationId":"5b0c3f0e-7f0a-4c55-9a55-3b7e3a7c2d11","restock":3000000000}""", "$.restock")]
    [InlineData("not json", "$")]
    public async Task PutStock_MalformedBody_AnswersBadRequestAndChangesNothing(string body, string path)
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var request = HttpCalls.Request("PUT", body);

        var answer = await app.Function<StockFunctions>().PutStock(request, product.ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal(400, answer.Status);
        Assert.Contains(path, answer.ProblemPaths());
        Assert.Equal(10, (await app.StockOfAsync(product)).Available);
    }

    [Fact]
    public async Task PutStock_SetWithoutReason_AnswersUnprocessableAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var request = HttpCalls.Request("PUT", $$"""{"operationId":"{{Guid.NewGuid()}}","available":3}""");

        var answer = await app.Function<StockFunctions>().PutStock(request, product.ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal(422, answer.Status);
        Assert.Contains("reason", answer.Problem().Detail, StringComparison.Ordinal);
        Assert.Equal(10, (await app.StockOfAsync(product)).Available);
    }

    [Fact]
    public async Task PutStock_RestockPastTheStockLimit_AnswersUnprocessableNamingTheLimitAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(2_000_000_000);
        var request = HttpCalls.Request("PUT", $$"""{"operationId":"{{Guid.NewGuid()}}","restock":200000000}""");

        var answer = await app.Function<StockFunctions>().PutStock(request, product.ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal((422, 422), (answer.Status, answer.Problem().Status));
        Assert.Contains("2147483647", answer.Problem().Detail, StringComparison.Ordinal);
        var stock = await app.StockOfAsync(product);
        Assert.Equal((2_000_000_000, 0), (stock.Available, stock.Restocked));
    }

    [Fact]
    public async Task PutStock_BodyOverTheLimit_AnswersPayloadTooLargeAndChangesNothing()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var product = await app.ProductAsync(10);
        var padding = new string(' ', StockFunctions.MaxBodyBytes);
        var request = HttpCalls.Request("PUT", $$"""{"operationId":"{{Guid.NewGuid()}}","restock":5}{{padding}}""");

        var answer = await app.Function<StockFunctions>().PutStock(request, product.ToString(), CancellationToken.None).AnswerAsync(request);

        Assert.Equal(413, answer.Status);
        Assert.Equal(10, (await app.StockOfAsync(product)).Available);
    }
}
