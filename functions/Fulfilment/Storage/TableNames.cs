using System.Text.RegularExpressions;

namespace Fulfilment.Storage;

/// <summary>Rules every table name obeys in Azure (Azurite accepts more, so the code checks).</summary>
public static partial class TableNames
{
    /// <summary>Azure's rule for table names.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public static partial Regex ValidName();

    /// <summary>Prefix + base name, checked against Azure's rule.</summary>
    public static string Qualify(string prefix, string baseName)
    {
        var name = prefix + baseName;
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid Azure table name (^[A-Za-z][A-Za-z0-9]{{2,62}}$).", nameof(baseName));
        }

        return name;
    }
}
