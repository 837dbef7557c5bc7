using System.ComponentModel.DataAnnotations;

namespace Fulfilment.Storage;

/// <summary>Table Storage settings shared by every context (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Prepended to every table name. Empty in Azure; tests and the sandbox use it to isolate runs that share an
    /// account. Alphanumeric, so that the full name stays valid.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9]{0,20}$")]
    public string TablePrefix { get; set; } = "";
}
