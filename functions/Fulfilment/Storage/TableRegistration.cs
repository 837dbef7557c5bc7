namespace Fulfilment.Storage;

/// <summary>A table a context owns, registered so that it is created at start and checked against the Bicep.</summary>
public sealed record TableRegistration(string Context, string BaseName);
