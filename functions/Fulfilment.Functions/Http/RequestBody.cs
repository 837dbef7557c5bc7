using System.Text.Json;
using Fulfilment.Contracts.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Problem = Fulfilment.Http.Problem;

namespace Fulfilment.Functions.Http;

/// <summary>
/// Bounded reading of request bodies: a Content-Length above the limit is refused before a byte is read, and a body
/// without one is read only up to the limit plus one byte (413 if that byte arrives). A JSON body declared as
/// something else (a Content-Type other than <c>application/json</c> or <c>application/*+json</c>) is refused with
/// 415 before it is read; one with no Content-Type is read as JSON.
/// </summary>
internal static class RequestBody
{
    /// <summary>The raw body, or a 413 problem.</summary>
    public static async Task<(byte[]? Body, Problem? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = new byte[maxBytes + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += count;
        }

        return read > maxBytes ? (null, TooLarge(maxBytes)) : (buffer[..read], null);
    }

    /// <summary>The body as <typeparamref name="T"/> (<see cref="HttpJson.Options"/>), or a 413 or 400 problem naming what is wrong.</summary>
    public static async Task<(T? Value, Problem? Problem)> ReadJsonAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return (null, Problem.UnsupportedMediaType($"The body must be application/json; got {Printable(contentType)}."));
        }

        var (body, tooLarge) = await ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, tooLarge);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, HttpJson.Options) is { } value
                ? (value, null)
                : (null, Malformed(new Violation("$", "the body is JSON null")));
        }
        catch (JsonException e)
        {
            return (null, Malformed(new Violation(e.Path ?? "$", e.Message)));
        }
    }

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Value is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The caller's Content-Type as it may be echoed: at most 100 printable ASCII characters.</summary>
    private static string Printable(string text) =>
        new([.. text.Take(100).Select(c => c is >= ' ' and <= '~' ? c : '?')]);

    private static Problem TooLarge(int maxBytes) => Problem.PayloadTooLarge($"The body is larger than {maxBytes} bytes.");

    private static Problem Malformed(Violation violation) => Problem.BadRequest("The body is not the JSON this endpoint takes.", [violation]);
}
