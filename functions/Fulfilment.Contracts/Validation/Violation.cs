namespace Fulfilment.Contracts.Validation;

/// <summary>One way a message breaks its contract: the JSON path (e.g. <c>$.items[1].quantity</c>) and a plain reason.</summary>
public sealed record Violation(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
