namespace Fulfilment.Warehouse;

/// <summary>A short pick as reported by the picker: the line that could not be picked in full, and why.</summary>
public sealed record ShortPick(Guid ProductId, int Requested, int Picked, string Reason, DateTimeOffset ReportedAt);
