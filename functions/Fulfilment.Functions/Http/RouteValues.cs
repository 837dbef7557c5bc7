using Fulfilment.Contracts.Validation;
using Fulfilment.Http;

namespace Fulfilment.Functions.Http;

/// <summary>Route segments the HTTP adapters parse themselves, so that a malformed one gets a 400 problem body (a route constraint would answer a bare 404).</summary>
internal static class RouteValues
{
    /// <summary>The UUID in the segment <paramref name="name"/>, or a 400 problem naming it.</summary>
    public static (Guid Value, Problem? Problem) Uuid(string value, string name) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty
            ? (id, null)
            : (Guid.Empty, Problem.BadRequest($"'{name}' must be a UUID.", [new Violation(name, "must be a non-empty UUID")]));
}
