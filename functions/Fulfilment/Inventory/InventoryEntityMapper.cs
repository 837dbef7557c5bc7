using System.Globalization;
using Azure.Data.Tables;
using Fulfilment.Contracts;

namespace Fulfilment.Inventory;

/// <summary>
/// Maps the domain types to rows of the Inventory table and back. Row keys share one partition and are prefixed by
/// kind: <c>stock_{productId}</c>, <c>reservation_{reservationId}</c>, <c>expiry_{expiresAtTicks}_{reservationId}</c>
/// (the expiry index) and <c>operation_{operationId}</c> (the audit of stock administration).
/// </summary>
internal static class InventoryEntityMapper
{
    public const string Partition = "inventory";
    public const string StockPrefix = "stock_";
    public const string ReservationPrefix = "reservation_";
    public const string ExpiryPrefix = "expiry_";
    public const string OperationPrefix = "operation_";

    public static string StockKey(Guid productId) => StockPrefix + productId.ToString("D");

    public static string ReservationKey(Guid reservationId) => ReservationPrefix + reservationId.ToString("D");

    public static string ExpiryKey(DateTimeOffset expiresAt, Guid reservationId) =>
        ExpiryPrefix + expiresAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "_" + reservationId.ToString("D");

    public static string OperationKey(Guid operationId) => OperationPrefix + operationId.ToString("D");

    /// <summary>The first row key after every key that starts with <paramref name="prefix"/>.</summary>
    public static string AfterPrefix(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static TableEntity ToEntity(StockItem stock) => new(Partition, StockKey(stock.ProductId))
    {
        ["ProductId"] = stock.ProductId,
        ["Available"] = stock.Available,
        ["Reserved"] = stock.Reserved,
        ["Initial"] = stock.Initial,
        ["Restocked"] = stock.Restocked,
        ["Consumed"] = stock.Consumed,
        ["WrittenOff"] = stock.WrittenOff,
        ["NeedsCount"] = stock.NeedsCount,
    };

    public static StockItem ToStock(TableEntity e) => new(
        e.GetGuid("ProductId")!.Value,
        e.GetInt32("Available")!.Value,
        e.GetInt32("Reserved")!.Value,
        e.GetInt32("Initial")!.Value,
        e.GetInt32("Restocked")!.Value,
        e.GetInt32("Consumed")!.Value,
        e.GetInt32("WrittenOff")!.Value,
        e.GetBoolean("NeedsCount") ?? false);

    public static TableEntity ToEntity(Reservation r)
    {
        var entity = new TableEntity(Partition, ReservationKey(r.Id))
        {
            ["ReservationId"] = r.Id,
            ["CartId"] = r.CartId,
            ["Items"] = ContractJson.Serialize(r.Items),
            ["RequestFingerprint"] = r.RequestFingerprint,
            ["ReservedAt"] = Format(r.ReservedAt),
            ["ExpiresAt"] = Format(r.ExpiresAt),
            ["Status"] = r.Status.ToString().ToUpperInvariant(),
            ["WrittenOffItems"] = ContractJson.Serialize(r.WrittenOff),
        };
        if (r.OrderIdHint is { } hint)
        {
            entity["OrderIdHint"] = hint;
        }

        if (r.OrderId is { } orderId)
        {
            entity["OrderId"] = orderId;
        }

        if (r.Reason is { } reason)
        {
            entity["Reason"] = reason;
        }

        if (r.SettledAt is { } settledAt)
        {
            entity["SettledAt"] = Format(settledAt);
        }

        if (r.Shortfall.Count > 0)
        {
            entity["ShortfallItems"] = ContractJson.Serialize(r.Shortfall);
        }

        return entity;
    }

    public static Reservation ToReservation(TableEntity e) => new(
        e.GetGuid("ReservationId")!.Value,
        e.GetGuid("CartId")!.Value,
        e.GetGuid("OrderIdHint"),
        e.GetGuid("OrderId"),
        ContractJson.Deserialize<List<LineItem>>(e.GetString("Items")),
        e.GetString("RequestFingerprint"),
        Parse(e.GetString("ReservedAt"))!.Value,
        Parse(e.GetString("ExpiresAt"))!.Value,
        Enum.Parse<ReservationStatus>(e.GetString("Status"), ignoreCase: true),
        e.GetString("Reason"),
        Parse(e.GetString("SettledAt")),
        ContractJson.Deserialize<List<LineItem>>(e.GetString("WrittenOffItems") ?? "[]"),
        ContractJson.Deserialize<List<LineItem>>(e.GetString("ShortfallItems") ?? "[]"));

    public static TableEntity ToExpiryEntity(Reservation r) => new(Partition, ExpiryKey(r.ExpiresAt, r.Id))
    {
        ["ReservationId"] = r.Id,
    };

    public static TableEntity ToOperationEntity(StockOperation operation) => new(Partition, OperationKey(operation.OperationId))
    {
        ["Kind"] = operation.Kind,
        ["ProductId"] = operation.ProductId,
        ["Quantity"] = operation.Quantity,
        ["AvailableBefore"] = operation.AvailableBefore,
        ["AvailableAfter"] = operation.AvailableAfter,
        ["Reason"] = operation.Reason,
        ["At"] = Format(operation.At),
    };

    public static StockOperation ToOperation(TableEntity e) => new(
        Guid.Parse(e.RowKey[OperationPrefix.Length..], CultureInfo.InvariantCulture),
        e.GetString("Kind"),
        e.GetGuid("ProductId")!.Value,
        e.GetInt32("Quantity")!.Value,
        e.GetInt32("AvailableBefore")!.Value,
        e.GetInt32("AvailableAfter")!.Value,
        e.GetString("Reason"),
        Parse(e.GetString("At"))!.Value);

    // Times are stored as round-trip strings: exact to the tick, so a republished event is byte-identical.
    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
