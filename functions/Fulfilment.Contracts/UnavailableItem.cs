namespace Fulfilment.Contracts;

/// <summary>A line that could not be reserved: what was asked for and what was available.</summary>
public sealed record UnavailableItem(Guid ProductId, int Requested, int Available);
