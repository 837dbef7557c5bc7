using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Inventory;

/// <summary>
/// How an adapter settles Inventory's commands, decided once here so every adapter (Service Bus triggers, the
/// sandbox bus) only applies the <see cref="Settlement"/>.
/// </summary>
public static class InventorySettlements
{
    /// <summary>A business outcome completes the message; a refused command (CartAlreadyReserved, TooManyLines, Invalid) is dead-lettered with its reason.</summary>
    public static Settlement For(ReserveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsBusinessOutcome
            ? Settlement.Complete
            : Settlement.DeadLetter(DeadLetterReasons.Unprocessable, $"{result.Status}: {result.Reason}");
    }

    /// <summary>
    /// A release-inventory Inventory handled completes, whatever the outcome, except two:
    /// <see cref="ReservationOutcome.LinkedToOrder"/> — a workflow linked the reservation after the router looked, so
    /// this throws (a transient failure) and the redelivery is routed again, now into that order's workflow as a
    /// cancellation — and <see cref="ReservationOutcome.Rejected"/> — the release was refused and nothing changed
    /// (a stock count would pass its limit): dead-lettered with the reason, for an operator.
    /// </summary>
    public static Settlement ForRelease(ReleaseInventory command, ReservationResult result)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            ReservationOutcome.LinkedToOrder => throw new InvalidOperationException(
                $"Reservation {command.ReservationId:D} was linked to an order meanwhile; redeliver to route it to that order's workflow."),
            ReservationOutcome.Rejected => Settlement.DeadLetter(DeadLetterReasons.Unprocessable, $"{result.Outcome}: {result.Detail}"),
            _ => Settlement.Complete,
        };
    }
}
