using Fulfilment.Functions.Http;
using Fulfilment.Http;
using Fulfilment.Warehouse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Fulfilment.Functions.Warehouse;

/// <summary>
/// The picking floor over HTTP (docs/warehouse.md): list jobs by status a page at a time, start a job, pack it
/// (→ order-packed), report a short pick (→ order-short-picked). Jobs are addressed by orderId. The caller is the
/// principal App Service authentication passes (<see cref="ClientPrincipal"/>: 401 without one), resolved to a
/// picker or supervisor by <see cref="FloorAccess"/> (403 without either role); who may do what to a job is the
/// job's rule. Every refusal is a problem body whose title is the outcome's kind and whose detail is its reason; the
/// status code is the one <see cref="PickingOutcomeStatusCodes"/> gives.
/// </summary>
public sealed class PickingFloorFunctions(PickingFloorHandler floor, IOptions<WarehouseOptions> options)
{
    public const int MaxBodyBytes = 4 * 1024;

    [Function(nameof(ListPickingJobs))]
    [RequestBodyLimit(0)]
    public async Task<IActionResult> ListPickingJobs(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "picking-jobs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refused) = Identify(request);
        if (caller is null)
        {
            return Responses.Problem(refused!);
        }

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
        OperateAsync<StartPickingRequest>(request, orderId, (id, caller, body, ct) => floor.StartAsync(id, caller, ct), cancellationToken);

    [Function(nameof(PackPickingJob))]
    [RequestBodyLimit(MaxBodyBytes)]
    public Task<IActionResult> PackPickingJob(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "picking-jobs/{orderId}/pack")] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken) =>
        OperateAsync<PackRequest>(request, orderId, (id, caller, body, ct) => floor.PackAsync(id, caller, body.ParcelCount, ct), cancellationToken);

    [Function(nameof(ReportShortPick))]
    [RequestBodyLimit(MaxBodyBytes)]
    public Task<IActionResult> ReportShortPick(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "picking-jobs/{orderId}/short-pick")] HttpRequest request,
        string orderId,
        CancellationToken cancellationToken) =>
        OperateAsync<ShortPickRequest>(
            request, orderId, (id, caller, body, ct) => floor.ReportShortAsync(id, caller, body.ProductId, body.Picked, body.Reason, ct), cancellationToken);

    /// <summary>Identify the caller, parse the order id and the body, run the operation, answer the job (200) or the refusal's problem.</summary>
    private async Task<IActionResult> OperateAsync<T>(
        HttpRequest request,
        string orderId,
        Func<Guid, FloorCaller, T, CancellationToken, Task<PickingJobOutcome>> operate,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refused) = Identify(request);
        if (caller is null)
        {
            return Responses.Problem(refused!);
        }

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

        if (body is StartPickingRequest start && !caller.IsNamedBy(start.PickerId))
        {
            return Responses.Problem(Forbidden("pickerId names someone other than the signed-in caller: a job is started by its caller (leave pickerId out)"));
        }

        var outcome = await operate(id, caller, body, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? Responses.Json(outcome.StatusCode(), outcome.Job)
            : Responses.Problem(Refusal(outcome));
    }

    /// <summary>The caller the platform vouches for as a picker or supervisor, or a 401 (no principal) or 403 (neither role) problem.</summary>
    private (FloorCaller? Caller, Problem? Problem) Identify(HttpRequest request)
    {
        var distrust = ClientPrincipal.Distrust(
            options.Value.TrustClientPrincipal, Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME"), Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED"));
        var (principal, unauthenticated) = ClientPrincipal.Read(request, distrust);
        if (principal is null)
        {
            return (null, unauthenticated);
        }

        var (caller, refusal) = FloorAccess.Resolve(principal.ObjectId, principal.Roles, options.Value);
        return caller is null ? (null, Forbidden(refusal!)) : (caller, null);
    }

    private static Problem Forbidden(string detail) => Problem.Forbidden(detail) with { Title = nameof(PickingOutcomeKind.Forbidden) };

    /// <summary>The problem of a refused operation: the kind as the title, the reason (and the job's status, if any) as the detail.</summary>
    private static Problem Refusal(PickingJobOutcome outcome)
    {
        var detail = outcome.Job is { } job ? $"{outcome.Reason} (the job is {PickingJob.Wire(job.Status)})" : outcome.Reason ?? outcome.Kind.ToString();
        var problem = outcome.StatusCode() switch
        {
            StatusCodes.Status404NotFound => Problem.NotFound(detail),
            StatusCodes.Status409Conflict => Problem.Conflict(detail),
            StatusCodes.Status403Forbidden => Problem.Forbidden(detail),
            _ => Problem.Unprocessable(detail),
        };
        return problem with { Title = outcome.Kind.ToString() };
    }
}
