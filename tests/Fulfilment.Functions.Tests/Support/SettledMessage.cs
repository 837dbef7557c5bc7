namespace Fulfilment.Functions.Tests.Support;

/// <summary>How one message was settled: completed, or dead-lettered with a reason and description.</summary>
public sealed record SettledMessage(string Kind, string MessageId, string? Reason, string? Description)
{
    public const string Completed = "Completed";
    public const string DeadLettered = "DeadLettered";
}
