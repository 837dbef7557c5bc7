using System.Net;
using System.Text;
using System.Text.Json;
using Fulfilment.Contracts;
using Microsoft.Extensions.Options;

namespace Fulfilment.Shipping;

/// <summary>
/// The carrier's HTTP API, as a typed <see cref="HttpClient"/> (registered by <c>AddShipping</c> with its base
/// address and the resilience pipeline: retries on 5xx, 408, 429, network errors and attempt timeouts; attempt and
/// overall timeouts, and inside them <see cref="CarrierResponseLimit"/>, which reads the body with a size cap). The
/// <c>Idempotency-Key</c> (the orderId) makes every retry, ours or the pipeline's, safe. The base address is https
/// (validated at start; http only on loopback), so the API key never travels in clear.
/// </summary>
public sealed class CarrierClient(HttpClient http, IOptions<ShippingOptions> options)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The carrier's <c>status</c> for a cancelled key (to a cancel: 200; to a create: 409).</summary>
    public const string CancelledStatus = "CANCELLED";

    /// <summary>The carrier's <c>status</c> to a cancel once the parcel is picked up (409).</summary>
    public const string TooLateStatus = "TOO_LATE";

    private const int MaxReasonLength = 500;

    /// <summary>
    /// <c>POST shipments</c>. Returns the accepted, rejected or cancelled (409 <c>{"status":"CANCELLED"}</c>: the key
    /// was cancelled first) answer; throws <see cref="HttpRequestException"/>
    /// when the carrier is still failing after the retries (5xx, 429, 408), the pipeline's timeout exception when it
    /// is too slow, and <see cref="CarrierProtocolException"/> on any other answer.
    /// </summary>
    public async Task<CarrierResponse> CreateShipmentAsync(CreateShipment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("shipments", UriKind.Relative))
        {
            Content = new StringContent(ContractJson.Serialize(command), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IdempotencyKeyHeader, command.OrderId.ToString());
        request.Headers.Add(options.Value.CarrierApiKeyHeader, options.Value.CarrierApiKey);

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created or HttpStatusCode.OK => Accepted(status, body),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => CarrierResponse.Rejected(status, RejectionReason(status, body)),
            HttpStatusCode.Conflict when AnswerStatus(body) == CancelledStatus => CarrierResponse.Cancelled(status),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                throw new HttpRequestException($"The carrier answered {status} to create-shipment after the retries.", null, response.StatusCode),
            _ => throw new CarrierProtocolException($"The carrier answered {status} to create-shipment, which the integration does not allow (check the API key and base URL)."),
        };
    }

    /// <summary>
    /// <c>POST shipments/{orderId}/cancel</c> (the orderId is the create's Idempotency-Key; same API key and
    /// resilience pipeline). 200 <c>{"status":"CANCELLED"}</c> → <see cref="CarrierCancelAnswer.Cancelled"/>, 409
    /// <c>{"status":"TOO_LATE"}</c> → <see cref="CarrierCancelAnswer.TooLate"/>. Throws like
    /// <see cref="CreateShipmentAsync"/> when the carrier keeps failing or answers anything else.
    /// </summary>
    public async Task<CarrierCancelAnswer> CancelShipmentAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"shipments/{orderId:D}/cancel", UriKind.Relative));
        request.Headers.Add(options.Value.CarrierApiKeyHeader, options.Value.CarrierApiKey);

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK when AnswerStatus(body) == CancelledStatus => CarrierCancelAnswer.Cancelled,
            HttpStatusCode.Conflict when AnswerStatus(body) == TooLateStatus => CarrierCancelAnswer.TooLate,
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                throw new HttpRequestException($"The carrier answered {status} to cancel-shipment after the retries.", null, response.StatusCode),
            _ => throw new CarrierProtocolException($"The carrier answered {status} to cancel-shipment without the documented status (CANCELLED on 200, TOO_LATE on 409)."),
        };
    }

    /// <summary>The <c>status</c> string of a JSON object body, or null.</summary>
    private static string? AnswerStatus(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("status", out var value)
                   && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CarrierResponse Accepted(int status, string body)
    {
        try
        {
            var answer = JsonSerializer.Deserialize<CarrierShipmentBody>(body, ContractJson.Options);
            if (answer is null || answer.ShipmentId == Guid.Empty)
            {
                throw new CarrierProtocolException($"The carrier answered {status} without a shipmentId.");
            }

            return CarrierResponse.Accepted(status, answer.ShipmentId, answer.TrackingNumber, answer.EstimatedDelivery);
        }
        catch (JsonException e)
        {
            throw new CarrierProtocolException($"The carrier answered {status} with a body that is not the documented JSON.", e);
        }
    }

    /// <summary>The problem body's detail or title when the carrier sends one, else its text, shortened.</summary>
    private static string RejectionReason(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "detail", "title", "reason", "message" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(value.GetString()))
                {
                    return Shorten(value.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the reason.
        }

        return string.IsNullOrWhiteSpace(body) ? $"the carrier answered {status}" : Shorten(body.Trim());
    }

    private static string Shorten(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength];

    private sealed record CarrierShipmentBody(Guid ShipmentId, string? TrackingNumber, DateOnly? EstimatedDelivery);
}
