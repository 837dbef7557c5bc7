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

    /// <summary>The app role a picker holds (Entra app registration); empty: every authenticated principal may pick.</summary>
    [MaxLength(120)]
    public string PickerRole { get; set; } = "Warehouse.Picker";

    /// <summary>The app role that may pack or report a short pick on a job another picker started.</summary>
    [Required]
    [MaxLength(120)]
    public string SupervisorRole { get; set; } = "Warehouse.Supervisor";

    /// <summary>
    /// Whether the picking floor believes the <c>X-MS-CLIENT-PRINCIPAL</c> header: true only where App Service
    /// authentication runs in front of the app and strips the header from what clients send (the Bicep sets it
    /// with <c>authsettingsV2</c>), or locally, where the developer supplies it. False: every picking-floor request
    /// is unauthenticated (401), so a forged header never counts.
    /// </summary>
    public bool TrustClientPrincipal { get; set; }

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
