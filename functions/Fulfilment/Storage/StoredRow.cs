using Azure;
using Azure.Data.Tables;

namespace Fulfilment.Storage;

/// <summary>A row as storage holds it, with its ETag. Never modified once made: map it to a domain object to change it.</summary>
public sealed record StoredRow(TableEntity Entity, ETag ETag);
