using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Sandbox.Carrier;

/// <summary>
/// A carrier on real HTTP (Kestrel, 127.0.0.1, a free port) that answers <c>POST /shipments</c> from a script of
/// <see cref="FakeCarrierReply"/> (201 when the script is empty) and <c>POST /shipments/{key}/cancel</c> as
/// docs/carrier-integration.md says, records every request, and honours the Idempotency-Key: a repeated key gets the
/// same shipment. A shipment can be cancelled until it is picked up (<see cref="PickUp"/>, then TOO_LATE); cancelling
/// a key it has not seen blocks it, so a later create with it is answered 409 CANCELLED. It also builds signed
/// callbacks, computing the HMAC on its own from the documented format (it does not borrow Fulfilment's code), so it
/// checks that format too.
/// </summary>
public sealed class FakeCarrier : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeCarrierReply> script = new();
    private readonly ConcurrentQueue<FakeCarrierReply> cancelScript = new();
    private readonly ConcurrentQueue<ReceivedCarrierRequest> requests = new();
    private readonly ConcurrentDictionary<string, FakeCarrierReply> rejections = new(StringComparer.Ordinal);
    private readonly FakeCarrierLedger ledger = new();

    private FakeCarrier(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedCarrierRequest> Requests => requests.ToArray();

    public static async Task<FakeCarrier> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var carrier = new FakeCarrier(app);
        app.MapPost("/shipments", carrier.CreateShipmentAsync);
        app.MapPost("/shipments/{key}/cancel", carrier.CancelShipmentAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        carrier.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return carrier;
    }

    /// <summary>Queues answers for the next create-shipment requests, in order.</summary>
    public void Script(params FakeCarrierReply[] replies)
    {
        foreach (var reply in replies)
        {
            script.Enqueue(reply);
        }
    }

    /// <summary>
    /// Queues answers for the next cancel requests, in order: a reply of 2xx (after its delay) answers as the
    /// carrier's state says; any other status is answered as is, changing nothing.
    /// </summary>
    public void ScriptCancel(params FakeCarrierReply[] replies)
    {
        foreach (var reply in replies)
        {
            cancelScript.Enqueue(reply);
        }
    }

    /// <summary>From now on, answers create-shipment for <paramref name="orderId"/> (its Idempotency-Key) with <paramref name="reply"/>.</summary>
    public void RejectOrder(Guid orderId, FakeCarrierReply reply) => rejections[Key(orderId)] = reply;

    /// <summary>From now on, answers create-shipment for the order with 201 but no tracking number (the callback brings it).</summary>
    public void AnswerWithoutTracking(Guid orderId) => ledger.OmitTracking(Key(orderId));

    /// <summary>Answers every create-shipment for the order with 503 until <see cref="Available"/>; cancels still work.</summary>
    public void Unavailable(Guid orderId) => ledger.SetUnavailable(Key(orderId), true);

    /// <summary>Ends <see cref="Unavailable"/> for the order.</summary>
    public void Available(Guid orderId) => ledger.SetUnavailable(Key(orderId), false);

    /// <summary>
    /// The carrier has the parcel: from now on a cancel answers TOO_LATE. False (and nothing changes) when the key
    /// was cancelled first: a cancelled shipment is never picked up.
    /// </summary>
    public bool PickUp(Guid orderId) => ledger.PickUp(Key(orderId));

    /// <summary>True when the order's key was cancelled (its shipment, or the key before any create).</summary>
    public bool IsCancelled(Guid orderId) => ledger.IsCancelled(Key(orderId));

    /// <summary>The shipment the carrier made for an order (its Idempotency-Key), if any.</summary>
    public (Guid ShipmentId, string TrackingNumber)? ShipmentOf(Guid orderId) =>
        ledger.ShipmentOf(Key(orderId)) is { } s ? (s.ShipmentId, s.TrackingNumber) : null;

    /// <summary>
    /// A callback as the carrier sends it: envelope <c>{ eventId, type, data }</c>, signed with
    /// <paramref name="secret"/> at <paramref name="signedAt"/>.
    /// </summary>
    public static SignedCarrierCallback Callback(string secret, string eventId, string type, object data, DateTimeOffset signedAt)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { eventId, type, data }, Fulfilment.Contracts.ContractJson.Options);
        return Sign(secret, body, signedAt);
    }

    /// <summary>Signs raw bytes: <c>sha256=</c> hex of HMAC-SHA256(secret, timestamp + "." + body).</summary>
    public static SignedCarrierCallback Sign(string secret, byte[] body, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var signature = "sha256=" + Convert.ToHexString(hmac.ComputeHash(signed)).ToLowerInvariant();
        return new SignedCarrierCallback(body, timestamp, signature);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task CreateShipmentAsync(HttpContext context)
    {
        await RecordAsync(context).ConfigureAwait(false);
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (!ledger.IsUnavailable(key) && ledger.IsCancelled(key))
        {
            await StatusAsync(context, 409, "CANCELLED").ConfigureAwait(false);
            return;
        }

        var reply = ledger.IsUnavailable(key) ? FakeCarrierReply.Unavailable
            : rejections.TryGetValue(key, out var rejection) ? rejection
            : script.TryDequeue(out var next) ? next
            : FakeCarrierReply.Created;
        if (!await DelayAsync(reply, context).ConfigureAwait(false))
        {
            return;
        }

        if (reply.StatusCode is not (201 or 200))
        {
            await ProblemAsync(context, reply).ConfigureAwait(false);
            return;
        }

        if (ledger.Create(key) is not { } made)
        {
            await StatusAsync(context, 409, "CANCELLED").ConfigureAwait(false); // a cancel came during the delay
            return;
        }

        var (shipment, tracked) = made;
        await WriteJsonAsync(
            context,
            reply.StatusCode,
            reply,
            new { shipmentId = shipment.ShipmentId, trackingNumber = tracked ? shipment.TrackingNumber : null, estimatedDelivery = "2030-01-15", padding = Padding(reply) }).ConfigureAwait(false);
    }

    private async Task CancelShipmentAsync(HttpContext context)
    {
        await RecordAsync(context).ConfigureAwait(false);
        var reply = cancelScript.TryDequeue(out var next) ? next : FakeCarrierReply.Ok;
        if (!await DelayAsync(reply, context).ConfigureAwait(false))
        {
            return;
        }

        if (reply.StatusCode is < 200 or > 299)
        {
            await ProblemAsync(context, reply).ConfigureAwait(false);
            return;
        }

        var key = context.Request.RouteValues["key"]?.ToString() ?? "";
        var (statusCode, status) = ledger.Cancel(key) ? (200, "CANCELLED") : (409, "TOO_LATE");
        await WriteJsonAsync(context, statusCode, reply, new { status, padding = Padding(reply) }).ConfigureAwait(false);
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        requests.Enqueue(new ReceivedCarrierRequest(context.Request.Method, context.Request.Path, headers, body));
    }

    /// <summary>Waits the reply's delay; false when the client gave up meanwhile (its attempt timeout).</summary>
    private static async Task<bool> DelayAsync(FakeCarrierReply reply, HttpContext context)
    {
        if (reply.Delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(reply.Delay, context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A JSON body, padded and paused as the reply asks (two writes, so a body without a length is chunked).</summary>
    private static async Task WriteJsonAsync(HttpContext context, int statusCode, FakeCarrierReply reply, object value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        if (reply.AnnounceLength)
        {
            context.Response.ContentLength = body.Length;
        }

        var half = body.Length / 2;
        try
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, half), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            if (reply.BodyPause > TimeSpan.Zero)
            {
                await Task.Delay(reply.BodyPause, context.RequestAborted).ConfigureAwait(false);
            }

            await context.Response.Body.WriteAsync(body.AsMemory(half), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up reading (its size cap or attempt timeout).
        }
    }

    /// <summary>The filler a reply asks for, or null.</summary>
    private static string? Padding(FakeCarrierReply reply) => reply.PaddingBytes > 0 ? new string('x', reply.PaddingBytes) : null;

    private static Task ProblemAsync(HttpContext context, FakeCarrierReply reply)
    {
        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = "application/problem+json";
        if (reply.Location is { } location)
        {
            context.Response.Headers.Location = location.ToString();
        }

        return context.Response.WriteAsync(
            JsonSerializer.Serialize(new { type = "about:blank", title = "Request not carried out", status = reply.StatusCode, detail = reply.Detail }),
            context.RequestAborted);
    }

    private static Task StatusAsync(HttpContext context, int statusCode, string status)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new { status }, context.RequestAborted);
    }

    private static string Key(Guid orderId) => orderId.ToString();
}
