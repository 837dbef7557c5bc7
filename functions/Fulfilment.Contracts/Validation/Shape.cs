using System.Text.Json;

namespace Fulfilment.Contracts.Validation;

/// <summary>
/// The fields of one JSON object (a message body, an address, a line item). Checks every field and returns every
/// violation, with its path from the root (<c>$.items[1].quantity</c>). Properties it does not declare are ignored.
/// </summary>
internal sealed class Shape : IContractValidator
{
    private readonly IReadOnlyList<Field> fields;

    private Shape(IReadOnlyList<Field> fields) => this.fields = fields;

    public static Shape Of(params Field[] fields) => new(fields);

    public IReadOnlyList<Violation> Validate(JsonElement root)
    {
        var violations = new List<Violation>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new Violation("$", "body is not a JSON object"));
            return violations;
        }

        Check(root, "$", violations);
        return violations;
    }

    public void Check(JsonElement obj, string path, List<Violation> into)
    {
        foreach (var field in fields)
        {
            var fieldPath = $"{path}.{field.Name}";
            if (obj.TryGetProperty(field.Name, out var value))
            {
                field.Rule(value, fieldPath, into);
            }
            else if (field.IsRequired)
            {
                into.Add(new Violation(fieldPath, "is required"));
            }
        }
    }
}
