using Fulfilment.Functions.Http;
using Fulfilment.Http;
using Fulfilment.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Functions.Workflow;

/// <summary>
/// <c>GET /api/fulfilments/{orderId}</c>: where an order's fulfilment stands (<see cref="FulfilmentView"/>), read from
/// its Durable instance's custom status through <see cref="DurableWorkflowHost"/>; 404 for an order Fulfilment has
/// never seen, 400 for an orderId that is not a UUID.
/// </summary>
public sealed class FulfilmentStatusFunction(WorkflowSettings settings, ILogger<DurableWorkflowHost> hostLogger)
{
    [Function(nameof(GetFulfilment))]
    [RequestBodyLimit(0)]
    public async Task<IActionResult> GetFulfilment(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "fulfilments/{orderId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string orderId,
        CancellationToken cancellationToken)
    {
        var (id, invalid) = RouteValues.Uuid(orderId, nameof(orderId));
        if (invalid is not null)
        {
            return Responses.Problem(invalid);
        }

        var snapshot = await new DurableWorkflowHost(client, settings, hostLogger).GetAsync(id, cancellationToken).ConfigureAwait(false);
        return snapshot is null
            ? Responses.Problem(Problem.NotFound($"Order {id:D} has no fulfilment."))
            : Responses.Json(StatusCodes.Status200OK, FulfilmentView.Of(snapshot));
    }
}
