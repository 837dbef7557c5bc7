using System.Text.Json.Nodes;
using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;

namespace Fulfilment.Tests.Contracts;

/// <summary>
/// What one message's contract says, written from DESIGN.md and the published schemas (independently of the
/// validator's rules), as the faults that must each be reported at their exact path.
/// </summary>
public sealed class ContractCase
{
    private readonly List<Fault> faults = [];

    private ContractCase(string name, Func<string, ParseOutcome> parse)
    {
        Name = name;
        Parse = parse;
    }

    public string Name { get; }

    public Func<string, ParseOutcome> Parse { get; }

    public IReadOnlyList<Fault> Faults => faults;

    public string ValidBody => ContractExamples.FullBody(Name);

    public static ContractCase For<T>(string name)
        where T : class =>
        new(name, body =>
        {
            var result = MessageParser.Parse<T>(body);
            return new ParseOutcome(result.IsValid, result.Violations, result.Message);
        });

    public ContractCase Required(params string[] paths) => Add(paths.Select(Fault.Missing));

    public ContractCase Uuid(params string[] paths) => Typed(paths, p =>
        Fault.Invalid("not-uuid", p, "3fa85f64-5717-4562-b3fc", "must be a UUID"));

    public ContractCase DateTime(params string[] paths) => Typed(paths, p =>
        Fault.Invalid("no-offset", p, "2026-01-31T12:00:00", "ISO-8601 date-time")).Add(paths.Select(p =>
        Fault.Invalid("no-such-day", p, "2026-02-30T12:00:00Z", "ISO-8601 date-time") with { SchemaCanTell = false }));

    public ContractCase Date(params string[] paths) => Typed(paths, p =>
        Fault.Invalid("not-date", p, "31/01/2026", "yyyy-MM-dd")).Add(paths.Select(p =>
        Fault.Invalid("no-such-day", p, "2026-02-30", "yyyy-MM-dd")));

    public ContractCase AtLeast(int minimum, params string[] paths) => Typed(paths, p =>
        Fault.Invalid("below-minimum", p, minimum - 1, $"at least {minimum}"));

    public ContractCase Country(params string[] paths) => Typed(paths, p =>
        Fault.Invalid("bad-country", p, "gb", "two capital letters"));

    public ContractCase OneOf(string path, params string[] allowed) => Typed([path], p =>
        Fault.Invalid("unknown-enum", p, "NOT_A_VALUE", $"allowed: {string.Join(", ", allowed)}"));

    public ContractCase NonEmpty(params string[] paths) => Typed(paths, p =>
        Fault.Invalid("empty", p, new JsonArray(), "must not be empty"));

    public ContractCase Object(params string[] paths) => Typed(paths, p =>
        Fault.Invalid("not-object", p, "a string", "must be an object"));

    /// <summary>Plain strings: only their JSON type is checked.</summary>
    public ContractCase Text(params string[] paths) => Typed(paths, p =>
        Fault.Invalid("not-string", p, 42, "must be a string"));

    public override string ToString() => Name;

    /// <summary>Adds the field's own fault plus the faults every field has: wrong JSON type and null.</summary>
    private ContractCase Typed(IEnumerable<string> paths, Func<string, Fault> fault) =>
        Add(paths.SelectMany(p => new[] { fault(p), Fault.WrongType(p), Fault.Null(p) }));

    private ContractCase Add(IEnumerable<Fault> added)
    {
        faults.AddRange(added);
        return this;
    }
}
