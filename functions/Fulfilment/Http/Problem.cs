using System.Text.Json;
using System.Text.Json.Serialization;
using Fulfilment.Contracts.Validation;

namespace Fulfilment.Http;

/// <summary>
/// An RFC 7807 (RFC 9457) problem body, the error shape of every HTTP adapter: <see cref="Type"/> names the kind of
/// problem, <see cref="Status"/> repeats the HTTP status, <see cref="Detail"/> explains this occurrence and
/// <see cref="Errors"/> lists every violation of a malformed request. Plain data: the Function App writes it with
/// <see cref="ContentType"/> and <see cref="ToJson"/>; it is no ASP.NET type.
/// </summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyList<Violation> Errors)
{
    public const string ContentType = "application/problem+json";

    private const string TypeBase = "https://fulfilment.example/problems/";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Problem BadRequest(string detail, IReadOnlyList<Violation> errors) =>
        new(TypeBase + "invalid-request", "The request is invalid", 400, detail, errors);

    public static Problem Unauthorized(string detail) =>
        new(TypeBase + "unauthenticated", "The request is not authenticated", 401, detail, []);

    public static Problem Forbidden(string detail) =>
        new(TypeBase + "forbidden", "The caller may not do this", 403, detail, []);

    public static Problem NotFound(string detail) =>
        new(TypeBase + "not-found", "The resource was not found", 404, detail, []);

    public static Problem Conflict(string detail) =>
        new(TypeBase + "conflict", "The request conflicts with the current state", 409, detail, []);

    /// <summary>A well-formed request the current rules or state refuse (e.g. a page size out of range, an invalid quantity).</summary>
    public static Problem Unprocessable(string detail) =>
        new(TypeBase + "unprocessable", "The request cannot be processed", 422, detail, []);

    public static Problem PayloadTooLarge(string detail) =>
        new(TypeBase + "payload-too-large", "The request body is too large", 413, detail, []);

    public static Problem UnsupportedMediaType(string detail) =>
        new(TypeBase + "unsupported-media-type", "The request body is not of a type this endpoint takes", 415, detail, []);

    /// <summary>The body as JSON: <c>{ "type", "title", "status", "detail", "errors": [{ "path", "reason" }] }</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
