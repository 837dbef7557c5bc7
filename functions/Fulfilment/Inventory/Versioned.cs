using Azure;

namespace Fulfilment.Inventory;

/// <summary>A row as read, with the ETag its write must be conditioned on.</summary>
internal sealed record Versioned<T>(T Value, ETag ETag);
