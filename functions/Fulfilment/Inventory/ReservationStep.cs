using Fulfilment.Contracts;

namespace Fulfilment.Inventory;

/// <summary>
/// What an operation on a reservation decided, on the row as it stands: its outcome and, if it changes anything, the
/// transition and the effect on each line's stock (see <see cref="ReservationCommand"/>).
/// </summary>
internal sealed record ReservationStep(
    ReservationOutcome Outcome,
    Action<Reservation>? Transition = null,
    Action<StockItem, LineItem>? Stock = null,
    string? Detail = null);
