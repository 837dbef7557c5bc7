namespace Fulfilment.Inventory;

/// <summary>A reservation's life: HELD, then CONSUMED (delivered or written off) or RELEASED. Nothing else.</summary>
public enum ReservationStatus
{
    Held,
    Consumed,
    Released,
}
