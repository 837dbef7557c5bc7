using Fulfilment.Contracts;

namespace Fulfilment.Tests.Warehouse;

/// <summary>Builders of reservation items for picking jobs.</summary>
internal static class Items
{
    public static readonly Guid Widget = Guid.Parse("0b2f4c1e-7a1d-4b8e-9a51-3c6f0d5e2a11");
    public static readonly Guid Gadget = Guid.Parse("5d8e9f20-1c3b-4a6d-8e7f-9a0b1c2d3e44");

    /// <summary>Three widgets and one gadget.</summary>
    public static IReadOnlyList<LineItem> Two => [new(Widget, 3), new(Gadget, 1)];

    public static IReadOnlyList<LineItem> Of(params (Guid ProductId, int Quantity)[] lines) =>
        lines.Select(l => new LineItem(l.ProductId, l.Quantity)).ToArray();

    /// <summary><paramref name="count"/> distinct products, one of each.</summary>
    public static IReadOnlyList<LineItem> Distinct(int count) =>
        Enumerable.Range(1, count).Select(i => new LineItem(Guid.NewGuid(), 1)).ToArray();
}
