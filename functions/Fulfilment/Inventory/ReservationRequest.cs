using System.Globalization;
using System.Text;
using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Inventory;

/// <summary>
/// A reserve-inventory command made canonical: duplicate productIds merged, lines ordered by productId, and a
/// fingerprint that is equal for a redelivery and different for any other command.
/// </summary>
internal sealed class ReservationRequest
{
    private ReservationRequest(Guid cartId, Guid? orderId, IReadOnlyList<LineItem> lines, string fingerprint)
    {
        CartId = cartId;
        OrderId = orderId;
        Lines = lines;
        Fingerprint = fingerprint;
    }

    public Guid CartId { get; }

    public Guid? OrderId { get; }

    public IReadOnlyList<LineItem> Lines { get; }

    public string Fingerprint { get; }

    /// <summary>The canonical request, or the reason the command is unusable.</summary>
    public static (ReservationRequest? Request, string? Problem) From(ReserveInventory command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Items is null || command.Items.Count == 0)
        {
            return (null, "items is empty: nothing to reserve");
        }

        if (command.Items.FirstOrDefault(i => i is null || i.Quantity < 1) is { } bad)
        {
            return (null, $"quantity of {bad?.ProductId} is {bad?.Quantity}: it must be at least 1");
        }

        var merged = command.Items
            .GroupBy(i => i.ProductId)
            .Select(g => (ProductId: g.Key, Quantity: g.Sum(i => (long)i.Quantity)))
            .OrderBy(l => l.ProductId)
            .ToList();
        if (merged.Where(l => l.Quantity > int.MaxValue).Select(l => (Guid?)l.ProductId).FirstOrDefault() is { } tooMany)
        {
            return (null, $"quantity of {tooMany} is too large");
        }

        var lines = merged.Select(l => new LineItem(l.ProductId, (int)l.Quantity)).ToList();
        return (new ReservationRequest(command.CartId, command.OrderId, lines, FingerprintOf(command.OrderId, lines)), null);
    }

    private static string FingerprintOf(Guid? orderId, IReadOnlyList<LineItem> lines)
    {
        var text = new StringBuilder(orderId?.ToString("D") ?? "-");
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{line.ProductId:D}:{line.Quantity}");
        }

        return MessageIds.DeterministicGuid(text.ToString()).ToString("N");
    }
}
