using Fulfilment.Contracts;

namespace Fulfilment.Inventory;

/// <summary>
/// What an operation on a reservation decided, on the row as it stands: its outcome and, if it changes anything, the
/// transition and the effect on each line's stock (see <see cref="ReservationCommand"/>). The stock effects run
/// first, line by line, then the transition, which may record what they found (a delivery after release: the units
/// that could not be taken back).
/// </summary>
internal sealed record ReservationStep(
    ReservationOutcome Outcome,
    Action<Reservation>? Transition = null,
    Action<StockItem, LineItem>? Stock = null,
    string? Detail = null);
