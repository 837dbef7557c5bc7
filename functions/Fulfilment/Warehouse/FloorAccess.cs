namespace Fulfilment.Warehouse;

/// <summary>
/// Who may work the picking floor at all: an authenticated principal holding the picker role or the supervisor role
/// (<see cref="WarehouseOptions.PickerRole"/>, <see cref="WarehouseOptions.SupervisorRole"/>; an empty picker role
/// lets every authenticated principal pick). What a caller may do to a given job is the job's rule
/// (<see cref="PickingJob"/>).
/// </summary>
public static class FloorAccess
{
    /// <summary>The caller for principal <paramref name="principalId"/> with app roles <paramref name="roles"/>, or the reason it is refused.</summary>
    public static (FloorCaller? Caller, string? Refusal) Resolve(string principalId, IEnumerable<string> roles, WarehouseOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principalId);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(options);
        var held = roles.ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(options.SupervisorRole) && held.Contains(options.SupervisorRole))
        {
            return (FloorCaller.Supervisor(principalId), null);
        }

        if (string.IsNullOrEmpty(options.PickerRole) || held.Contains(options.PickerRole))
        {
            return (FloorCaller.Picker(principalId), null);
        }

        return (null, $"the caller holds neither the {options.PickerRole} nor the {options.SupervisorRole} app role");
    }
}
