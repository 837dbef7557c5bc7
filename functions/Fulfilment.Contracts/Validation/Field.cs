using System.Text.Json;

namespace Fulfilment.Contracts.Validation;

/// <summary>
/// One property of a contract, declared fluently: <c>Field.Named("cartId").Required().Uuid()</c>. A field is optional
/// unless marked required; when present its value must pass the field's value rule (null included: the
/// contracts never allow null, absent optional fields are left out).
/// </summary>
internal sealed class Field
{
    private Field(string name) => Name = name;

    public string Name { get; }

    public bool IsRequired { get; private set; }

    public ValueRule Rule { get; private set; } = ValueRules.Text;

    public static Field Named(string name) => new(name);

    public Field Required()
    {
        IsRequired = true;
        return this;
    }

    public Field Text() => With(ValueRules.Text);

    public Field Uuid() => With(ValueRules.Uuid);

    public Field DateTime() => With(ValueRules.DateTime);

    public Field Date() => With(ValueRules.Date);

    public Field Country() => With(ValueRules.Country);

    public Field Integer(int minimum) => With(ValueRules.Integer(minimum));

    public Field OneOf<TEnum>()
        where TEnum : struct, Enum => With(ValueRules.OneOf<TEnum>());

    /// <summary>A nested JSON object checked against <paramref name="shape"/>.</summary>
    public Field Object(Shape shape) => With((value, path, into) => CheckObject(shape, value, path, into));

    /// <summary>A JSON array whose every element is an object checked against <paramref name="shape"/>.</summary>
    public Field ArrayOf(Shape shape, bool nonEmpty = true) => With((value, path, into) =>
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            into.Add(new Violation(path, $"must be an array, not {ValueRules.Describe(value)}"));
            return;
        }

        if (nonEmpty && value.GetArrayLength() == 0)
        {
            into.Add(new Violation(path, "must not be empty"));
        }

        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            CheckObject(shape, element, $"{path}[{index++}]", into);
        }
    });

    private static void CheckObject(Shape shape, JsonElement value, string path, List<Violation> into)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            into.Add(new Violation(path, $"must be an object, not {ValueRules.Describe(value)}"));
            return;
        }

        shape.Check(value, path, into);
    }

    private Field With(ValueRule rule)
    {
        Rule = rule;
        return this;
    }
}
