namespace Fulfilment.Contracts;

/// <summary>
/// The JSON Schemas (draft-07) shipped inside this assembly, one per message, for the ordering team and the
/// carrier: <c>Schemas/&lt;Record&gt;.schema.json</c>, the published schema plus Fulfilment's extensions.
/// </summary>
public static class ContractSchemas
{
    private const string ResourcePrefix = "Fulfilment.Contracts.Schemas.";

    /// <summary>The schema's file name for a wire name (<c>reserve-inventory</c> → <c>ReserveInventory.schema.json</c>).</summary>
    public static string FileName(string messageName) => $"{MessageTypes.TypeOf(messageName).Name}.schema.json";

    /// <summary>The schema text of a message, by wire name (get-stock-level gives its response body's schema).</summary>
    /// <exception cref="ArgumentException">Not a message of the contracts.</exception>
    public static string Read(string messageName)
    {
        var resource = ResourcePrefix + FileName(messageName);
        using var stream = typeof(ContractSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The schema {resource} is not embedded in {typeof(ContractSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
