using System.ComponentModel.DataAnnotations;

namespace Fulfilment.Inventory;

/// <summary>Inventory settings (section "Inventory"), validated at start.</summary>
public sealed class InventoryOptions
{
    public const string Section = "Inventory";

    /// <summary>How long a reservation not linked to an order is held before the sweep releases it (EXPIRED).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many due reservations the sweep reads per page of the expiry index.</summary>
    [Range(1, 1000)]
    public int ExpiryBatchSize { get; set; } = 100;
}
