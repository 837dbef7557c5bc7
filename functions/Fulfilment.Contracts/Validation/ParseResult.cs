namespace Fulfilment.Contracts.Validation;

/// <summary>The outcome of parsing a message body: the record, or every violation found.</summary>
public sealed class ParseResult<T>
    where T : class
{
    private ParseResult(T? message, IReadOnlyList<Violation> violations)
    {
        Message = message;
        Violations = violations;
    }

    public T? Message { get; }

    public IReadOnlyList<Violation> Violations { get; }

    public bool IsValid => Message is not null && Violations.Count == 0;

    /// <summary>All violations on one line, for a dead-letter description or a problem body's detail.</summary>
    public string Describe() => string.Join("; ", Violations);

    public static ParseResult<T> Valid(T message) => new(message, []);

    public static ParseResult<T> Invalid(IReadOnlyList<Violation> violations) => new(null, violations);
}
