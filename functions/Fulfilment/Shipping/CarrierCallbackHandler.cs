using Azure.Data.Tables;
using Fulfilment.Contracts.Validation;
using Fulfilment.Http;
using Fulfilment.Storage;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Shipping;

/// <summary>
/// The logic behind <c>POST /api/carrier/events</c>. In order: size (413), authenticity (401), envelope and contract
/// (400, every violation), shipment (404) — none of which writes or publishes anything. Then the status change, the
/// event id and the message to publish are stored in one transaction, the message is published, and 202 is answered.
/// A replayed event id answers 202 with no second effect, finishing a publish a failed first attempt left undone
/// (see <see cref="ShipmentOutbox"/>).
/// </summary>
public sealed partial class CarrierCallbackHandler(
    CarrierCallbackAuthenticator authenticator,
    ShipmentStore store,
    ShipmentOutbox outbox,
    TimeProvider time,
    ILogger<CarrierCallbackHandler> logger)
{
    /// <param name="body">The raw request body; the adapter reads at most <see cref="CarrierCallbackHeaders.MaxBodyBytes"/> + 1 bytes.</param>
    /// <param name="timestamp">The <see cref="CarrierCallbackHeaders.Timestamp"/> header, if any.</param>
    /// <param name="signature">The <see cref="CarrierCallbackHeaders.Signature"/> header, if any.</param>
    public async Task<CarrierCallbackResult> HandleAsync(ReadOnlyMemory<byte> body, string? timestamp, string? signature, CancellationToken cancellationToken)
    {
        if (body.Length > CarrierCallbackHeaders.MaxBodyBytes)
        {
            return Reject(Problem.PayloadTooLarge($"The body is larger than {CarrierCallbackHeaders.MaxBodyBytes} bytes."));
        }

        if (authenticator.Check(body.Span, timestamp, signature) is { } unauthenticated)
        {
            return Reject(unauthenticated);
        }

        var parsed = CarrierEventParser.Parse(body);
        if (!parsed.IsValid)
        {
            return Reject(Problem.BadRequest(parsed.Describe(), parsed.Violations));
        }

        var carrierEvent = parsed.Message!;
        var (result, shipment) = await ConcurrencyRetry.RunAsync(ct => RecordAsync(carrierEvent, ct), cancellationToken).ConfigureAwait(false);
        if (result.IsAccepted && shipment is not null)
        {
            await outbox.PublishAsync(shipment, cancellationToken).ConfigureAwait(false);
        }

        LogHandled(carrierEvent.OrderId, carrierEvent.EventId, carrierEvent.Type, result.Disposition);
        return result;
    }

    /// <summary>
    /// Applies the event to the shipment as last seen here (else as read) and records it; the event row's insert
    /// tells a replay (409), which is then answered from a fresh read. A lost race (412) forgets the shipment, so the
    /// retry reads it.
    /// </summary>
    private async Task<(CarrierCallbackResult Result, Shipment? Shipment)> RecordAsync(CarrierEvent carrierEvent, CancellationToken cancellationToken)
    {
        var shipment = await store.GetAsync(carrierEvent.OrderId, cancellationToken).ConfigureAwait(false);
        if (shipment is null)
        {
            return (CarrierCallbackResult.UnknownShipment($"Order {carrierEvent.OrderId} has no shipment."), null);
        }

        var now = time.GetUtcNow();
        var outcome = shipment.Apply(carrierEvent, now);
        if (outcome.Disposition == CarrierEventDisposition.UnknownShipment)
        {
            // Refused without a write: only on a fresh read.
            var fresh = await store.FindAsync(carrierEvent.OrderId, cancellationToken).ConfigureAwait(false);
            outcome = fresh?.Apply(carrierEvent, now);
            if (fresh is null || outcome!.Disposition == CarrierEventDisposition.UnknownShipment)
            {
                return (CarrierCallbackResult.UnknownShipment(outcome?.Detail ?? $"Order {carrierEvent.OrderId} has no shipment."), null);
            }

            shipment = fresh;
        }

        var processed = new ProcessedCarrierEvent(carrierEvent.EventId, carrierEvent.Type, outcome.Disposition, outcome.Detail, now, outcome.Message?.Name);
        if (outcome.Disposition == CarrierEventDisposition.Applied)
        {
            outbox.Prune(shipment); // an ignored event leaves the shipment row as it was: only its event id is recorded
        }

        try
        {
            await store.RecordCarrierEventAsync(shipment, processed, outcome.Message, cancellationToken).ConfigureAwait(false);
            return (CarrierCallbackResult.Accepted(outcome.Disposition), shipment);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return (CarrierCallbackResult.Accepted(CarrierEventDisposition.Replayed), await store.FindAsync(carrierEvent.OrderId, cancellationToken).ConfigureAwait(false));
        }
    }

    private CarrierCallbackResult Reject(Problem problem)
    {
        LogRejected(problem.Status, problem.Title);
        return CarrierCallbackResult.Rejected(problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier event {EventId} ({EventType}) for order {OrderId}: {Disposition}")]
    private partial void LogHandled(Guid orderId, string eventId, string eventType, CarrierEventDisposition? disposition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier callback rejected with {StatusCode}: {Problem}")]
    private partial void LogRejected(int statusCode, string problem);
}
