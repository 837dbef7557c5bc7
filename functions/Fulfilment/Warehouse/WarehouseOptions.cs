using System.ComponentModel.DataAnnotations;

namespace Fulfilment.Warehouse;

/// <summary>Warehouse settings (section "Warehouse"), validated at start.</summary>
public sealed class WarehouseOptions : IValidatableObject
{
    public const string Section = "Warehouse";

    /// <summary>Jobs per page when the picking floor asks for none.</summary>
    [Range(1, 1000)]
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest page the picking floor may ask for.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultPageSize > MaxPageSize)
        {
            yield return new ValidationResult(
                $"{nameof(DefaultPageSize)} ({DefaultPageSize}) must not exceed {nameof(MaxPageSize)} ({MaxPageSize}).",
                [nameof(DefaultPageSize), nameof(MaxPageSize)]);
        }
    }
}
