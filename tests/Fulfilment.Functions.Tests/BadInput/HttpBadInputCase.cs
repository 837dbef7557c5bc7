using Fulfilment.Functions.Tests.Support;

namespace Fulfilment.Functions.Tests.BadInput;

/// <summary>
/// One H- row of docs/bad-input.md: a request to an HTTP trigger of the Function App, the status and problem body it
/// must get (<see cref="Detail"/>: what the problem's detail or errors name), with no table row written and nothing
/// published. <see cref="Arrange"/> builds the state the request meets (the snapshot is taken after it) and returns
/// the call; <see cref="Settings"/> are app settings that differ from the sample's for this case.
/// </summary>
internal sealed record HttpBadInputCase(
    string Id,
    string Endpoint,
    string Input,
    int Status,
    string Detail,
    Func<HttpWorld, Task<Func<Task<HttpAnswer>>>> Arrange,
    IDictionary<string, string?>? Settings = null)
{
    /// <summary>The case as its docs row, in the shape of the catalogue's other rows.</summary>
    public string Row => $"| {Id} | `{Endpoint}` | {Input} | {Status}, naming `{Detail}` | tables unchanged; nothing published |";

    public override string ToString() => Id;
}
