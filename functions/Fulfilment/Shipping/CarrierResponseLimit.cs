namespace Fulfilment.Shipping;

/// <summary>
/// Reads the carrier's response body into memory, at most <see cref="MaxBytes"/>, inside the resilience pipeline
/// (registered after it by <c>AddShipping</c>), so that the attempt and overall timeouts cover the body as well as
/// the headers. A larger body, announced or not, is a <see cref="CarrierProtocolException"/>: not retried, the
/// command is redelivered and then dead-lettered (a cancel call throws, like any fault of the carrier). Every
/// answer of the carrier's API — create-shipment's, cancel's — is a few hundred bytes.
/// </summary>
public sealed class CarrierResponseLimit : DelegatingHandler
{
    /// <summary>The largest body read from the carrier: 64 KiB.</summary>
    public const int MaxBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            response.Content = await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<HttpContent> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength > MaxBytes)
        {
            throw TooLarge(response, $"{original.Headers.ContentLength} bytes");
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while (length < buffer.Length
                   && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }

        if (length > MaxBytes)
        {
            throw TooLarge(response, "a body");
        }

        var buffered = new ByteArrayContent(buffer, 0, length);
        foreach (var header in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        original.Dispose();
        return buffered;
    }

    private static CarrierProtocolException TooLarge(HttpResponseMessage response, string size) =>
        new($"The carrier answered {(int)response.StatusCode} with {size} larger than the {MaxBytes} bytes the integration reads.");
}
