using Fulfilment.Functions.Http;
using Fulfilment.Http;
using Fulfilment.Warehouse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Warehouse;

/// <summary>
/// The picking floor over HTTP (docs/warehouse.md): list jobs by status a page at a time, start a job, pack it
/// (→ order-packed), report a short pick (→ order-short-picked). Jobs are addressed by orderId. Every refusal is a
/// problem body whose title is the outcome's kind and whose detail is its reason; the status code is the one
/// <see cref="PickingOutcomeStatusCodes"/> gives.
/// </summary>
public sealed class PickingFloorFunctions(PickingFloorHandler floor)
{
    public const int MaxBodyBytes = 4 * 1024;

    [Function(nameof(ListPickingJobs))]
    [RequestBodyLimit(0)]
    public async Task<IActionResult> ListPickingJobs(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "picking-jobs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, violations) = PickingJobQuery.Parse(request.Query);
        if (query is null)
        {
            return Responses.Problem(Problem.BadRequest("The query is malformed.", violations));
        }

        var outcome = await floor.ListAsync(query.Status, query.PageSize, query.Cursor, cancellationToken).ConfigureAwait(false);
        return outcome.Page is { } page
            ? Responses.Json(StatusCodes.Status200OK, page)
            : Responses.Problem(Problem.Unprocessable(outcome.Invalid!));
    }

    [Function(nameof(StartPicking))]
    [RequestBodyLimit(MaxBodyBytes)]
    public Task<IActionResult> StartPicking(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "picking-jobs/{orderId}/start")] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken) =>
        OperateAsync<StartPickingRequest>(request, orderId, (id, body, ct) => floor.StartAsync(id, body.PickerId, ct), cancellationToken);

    [Function(nameof(PackPickingJob))]
    [RequestBodyLimit(MaxBodyBytes)]
    public Task<IActionResult> PackPickingJob(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "picking-jobs/{orderId}/pack")] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken) =>
        OperateAsync<PackRequest>(request, orderId, (id, body, ct) => floor.PackAsync(id, body.ParcelCount, ct), cancellationToken);

    [Function(nameof(ReportShortPick))]
    [RequestBodyLimit(MaxBodyBytes)]
    public Task<IActionResult> ReportShortPick(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "picking-jobs/{orderId}/short-pick")] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken) =>
        OperateAsync<ShortPickRequest>(
            request, orderId, (id, body, ct) => floor.ReportShortAsync(id, body.ProductId, body.Picked, body.Reason, ct), cancellationToken);

    /// <summary>Parse the order id and the body, run the operation, answer the job (200) or the refusal's problem.</summary>
    private static async Task<IActionResult> OperateAsync<T>(
        HttpRequest request,
        string orderId,
        Func<Guid, T, CancellationToken, Task<PickingJobOutcome>> operate,
        CancellationToken cancellationToken)
        where T : class
    {
        var (id, invalid) = RouteValues.Uuid(orderId, nameof(orderId));
        if (invalid is not null)
        {
            return Responses.Problem(invalid);
        }

        var (body, malformed) = await RequestBody.ReadJsonAsync<T>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Responses.Problem(malformed!);
        }

        var outcome = await operate(id, body, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? Responses.Json(outcome.StatusCode(), outcome.Job)
            : Responses.Problem(Refusal(outcome));
    }

    /// <summary>The problem of a refused operation: the kind as the title, the reason (and the job's status, if any) as the detail.</summary>
    private static Problem Refusal(PickingJobOutcome outcome)
    {
        var detail = outcome.Job is { } job ? $"{outcome.Reason} (the job is {PickingJob.Wire(job.Status)})" : outcome.Reason ?? outcome.Kind.ToString();
        var problem = outcome.StatusCode() switch
        {
            StatusCodes.Status404NotFound => Problem.NotFound(detail),
            StatusCodes.Status409Conflict => Problem.Conflict(detail),
            _ => Problem.Unprocessable(detail),
        };
        return problem with { Title = outcome.Kind.ToString() };
    }
}
