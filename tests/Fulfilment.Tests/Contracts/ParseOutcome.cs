using Fulfilment.Contracts.Validation;

namespace Fulfilment.Tests.Contracts;

/// <summary>A <see cref="ParseResult{T}"/> with its type erased, so one theory can run over every message.</summary>
public sealed record ParseOutcome(bool IsValid, IReadOnlyList<Violation> Violations, object? Message);
