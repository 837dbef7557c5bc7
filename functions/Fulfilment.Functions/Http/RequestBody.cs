using System.Text.Json;
using Fulfilment.Contracts.Validation;
using Microsoft.AspNetCore.Http;
using Problem = Fulfilment.Http.Problem;

namespace Fulfilment.Functions.Http;

/// <summary>
/// Bounded reading of request bodies: a Content-Length above the limit is refused before a byte is read, and a body
/// without one is read only up to the limit plus one byte (413 if that byte arrives).
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

    private static Problem TooLarge(int maxBytes) => Problem.PayloadTooLarge($"The body is larger than {maxBytes} bytes.");

    private static Problem Malformed(Violation violation) => Problem.BadRequest("The body is not the JSON this endpoint takes.", [violation]);
}
