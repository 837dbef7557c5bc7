namespace Fulfilment.Contracts;

/// <summary>
/// Event, ordering → Fulfilment: the order exists and is paid; start fulfilling it.
/// <see cref="ReservationId"/>/<see cref="CartId"/>, <see cref="ShippingAddress"/> and <see cref="Service"/> are
/// Fulfilment's consumer extensions: without a reservation reference or an address the order cannot be fulfilled.
/// </summary>
public sealed record OrderCompleted(
    Guid OrderId,
    Guid CustomerId,
    DateTimeOffset CompletedAt,
    Guid? ReservationId = null,
    Guid? CartId = null,
    Address? ShippingAddress = null,
    ShippingService? Service = null);
