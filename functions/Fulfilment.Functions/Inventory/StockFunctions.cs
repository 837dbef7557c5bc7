using Fulfilment.Contracts;
using Fulfilment.Functions.Http;
using Fulfilment.Http;
using Fulfilment.Inventory;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Inventory;

/// <summary>
/// <c>GET /api/stock/{productId}</c> (get-stock-level: available and reserved, 404 for an unknown product) and
/// <c>PUT /api/stock/{productId}</c> (operations: an audited set after a count, or a restock; idempotent per operationId).
/// </summary>
public sealed class StockFunctions(GetStockLevelHandler stockLevels, StockAdministration administration)
{
    public const int MaxBodyBytes = 4 * 1024;

    [Function(nameof(GetStock))]
    [RequestBodyLimit(0)]
    public async Task<IActionResult> GetStock(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "stock/{productId}")] HttpRequest request,
        string productId,
        CancellationToken cancellationToken)
    {
        var (id, invalid) = RouteValues.Uuid(productId, nameof(productId));
        if (invalid is not null)
        {
            return Responses.Problem(invalid);
        }

        var level = await stockLevels.HandleAsync(id, cancellationToken).ConfigureAwait(false);
        return level is null
            ? Responses.Problem(Problem.NotFound($"Product {id:D} has no stock record."))
            : Responses.Json(StatusCodes.Status200OK, ContractJson.Serialize(level));
    }

    [Function(nameof(PutStock))]
    [RequestBodyLimit(MaxBodyBytes)]
    public async Task<IActionResult> PutStock(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "stock/{productId}")] HttpRequest request,
        string productId,
        CancellationToken cancellationToken)
    {
        var (id, invalid) = RouteValues.Uuid(productId, nameof(productId));
        if (invalid is not null)
        {
            return Responses.Problem(invalid);
        }

        var (change, malformed) = await RequestBody.ReadJsonAsync<StockChangeRequest>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (change is null)
        {
            return Responses.Problem(malformed!);
        }

        if (change.Violations() is { Count: > 0 } violations)
        {
            return Responses.Problem(Problem.BadRequest("The stock change is malformed.", violations));
        }

        var result = change.Available is { } available
            ? await administration.SetAsync(id, available, change.Reason ?? "", change.OperationId, cancellationToken).ConfigureAwait(false)
            : await administration.RestockAsync(id, change.Restock!.Value, change.OperationId, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            // The operation id was used before for another change: the request conflicts with what it already did.
            { Outcome: StockChangeOutcome.Rejected, Operation: not null } => Responses.Problem(Problem.Conflict(result.Detail!)),
            { Outcome: StockChangeOutcome.Rejected } => Responses.Problem(Problem.Unprocessable(result.Detail!)),
            _ => Responses.Json(StatusCodes.Status200OK, new StockChangeResponse(result.Outcome, result.Stock, result.Operation)),
        };
    }
}
