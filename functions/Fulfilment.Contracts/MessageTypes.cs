namespace Fulfilment.Contracts;

/// <summary>
/// Which record carries which wire name: every message of the catalogue and every event Fulfilment adds.
/// get-stock-level maps to its response body, <see cref="StockLevel"/>.
/// </summary>
public static class MessageTypes
{
    private static readonly Dictionary<string, Type> ByName = new(StringComparer.Ordinal)
    {
        [MessageNames.ReserveInventory] = typeof(ReserveInventory),
        [MessageNames.ReleaseInventory] = typeof(ReleaseInventory),
        [MessageNames.GetStockLevel] = typeof(StockLevel),
        [MessageNames.InventoryReserved] = typeof(InventoryReserved),
        [MessageNames.InventoryUnavailable] = typeof(InventoryUnavailable),
        [MessageNames.OrderCompleted] = typeof(OrderCompleted),
        [MessageNames.OrderCancelled] = typeof(OrderCancelled),
        [MessageNames.OrderPacked] = typeof(OrderPacked),
        [MessageNames.OrderReadyForShipping] = typeof(OrderReadyForShipping),
        [MessageNames.CreateShipment] = typeof(CreateShipment),
        [MessageNames.ShipmentCreated] = typeof(ShipmentCreated),
        [MessageNames.ShipmentDelivered] = typeof(ShipmentDelivered),
        [MessageNames.ShipmentFailed] = typeof(ShipmentFailed),
        [MessageNames.OrderShortPicked] = typeof(OrderShortPicked),
        [MessageNames.ShipmentRejected] = typeof(ShipmentRejected),
        [MessageNames.FulfilmentFailed] = typeof(FulfilmentFailed),
        [MessageNames.FulfilmentCancelled] = typeof(FulfilmentCancelled),
        [MessageNames.OrderCancellationRefused] = typeof(OrderCancellationRefused),
        [MessageNames.FulfilmentReconciled] = typeof(FulfilmentReconciled),
    };

    private static readonly Dictionary<Type, string> ByType = ByName.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>Every wire name, catalogue order first, then Fulfilment's added events.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The record of a wire name (<c>reserve-inventory</c> → <see cref="ReserveInventory"/>).</summary>
    public static Type TypeOf(string messageName) =>
        ByName.TryGetValue(messageName, out var type)
            ? type
            : throw new ArgumentException($"'{messageName}' is not a message of the contracts.", nameof(messageName));

    /// <summary>The wire name of a record (<see cref="ReserveInventory"/> → <c>reserve-inventory</c>).</summary>
    public static string NameOf(Type messageType) =>
        ByType.TryGetValue(messageType, out var name)
            ? name
            : throw new ArgumentException($"{messageType.Name} is not a message of the contracts.", nameof(messageType));

    /// <inheritdoc cref="NameOf(Type)"/>
    public static string NameOf<T>() => NameOf(typeof(T));
}
