namespace Fulfilment.Catalog;

/// <summary>
/// A part of the system that sends or receives messages: one of Fulfilment's services, or a system outside it
/// (ordering, the carrier). In the AsyncAPI document it is a tag, and every operation carries its performer's tag.
/// </summary>
/// <param name="Id">The tag name and the EventCatalog service id (<c>inventory</c>).</param>
/// <param name="Name">The display name (<c>Inventory</c>).</param>
/// <param name="Summary">One or two sentences on what it owns and does.</param>
/// <param name="IsExternal">True for a system outside Fulfilment.</param>
public sealed record Participant(string Id, string Name, string Summary, bool IsExternal);
