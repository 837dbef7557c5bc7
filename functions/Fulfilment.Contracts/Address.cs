namespace Fulfilment.Contracts;

/// <summary>A delivery address. <see cref="Country"/> is an ISO 3166-1 alpha-2 code (two capital letters).</summary>
public sealed record Address(string Line1, string City, string Postcode, string Country);
