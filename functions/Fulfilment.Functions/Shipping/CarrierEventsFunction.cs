using Fulfilment.Functions.Http;
using Fulfilment.Shipping;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Shipping;

/// <summary>
/// <c>POST /api/carrier/events</c>: the carrier's signed callbacks (docs/carrier-integration.md). The body is read raw
/// and bounded (64 KiB: 413 before reading when Content-Length says more), because the signature is over its exact
/// bytes; <see cref="CarrierCallbackHandler"/> authenticates, validates, persists and publishes, and the answer is 202
/// once the event is persisted, or its problem.
/// </summary>
public sealed class CarrierEventsFunction(CarrierCallbackHandler callbacks)
{
    [Function(nameof(ReceiveCarrierEvent))]
    [RequestBodyLimit(CarrierCallbackHeaders.MaxBodyBytes)]
    public async Task<IActionResult> ReceiveCarrierEvent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "carrier/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, tooLarge) = await RequestBody.ReadAsync(request, CarrierCallbackHeaders.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Responses.Problem(tooLarge!);
        }

        var result = await callbacks.HandleAsync(
            body, Header(request, CarrierCallbackHeaders.Timestamp), Header(request, CarrierCallbackHeaders.Signature), cancellationToken).ConfigureAwait(false);
        return result.Problem is { } problem ? Responses.Problem(problem) : new StatusCodeResult(result.StatusCode);
    }

    /// <summary>A header's single value; null when absent or repeated (the handler then refuses the call as unauthenticated).</summary>
    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}
