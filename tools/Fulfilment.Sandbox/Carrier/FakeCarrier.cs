using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fulfilment.Messaging;
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
/// <see cref="FakeCarrierReply"/> (201 when the script is empty), records every request, and honours the
/// Idempotency-Key: a repeated key gets the same shipment. It also builds signed callbacks, computing the HMAC on
/// its own from the documented format (it does not borrow Fulfilment's code), so it checks that format too.
/// </summary>
public sealed class FakeCarrier : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeCarrierReply> script = new();
    private readonly ConcurrentQueue<ReceivedCarrierRequest> requests = new();
    private readonly ConcurrentDictionary<string, CarrierShipment> shipments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeCarrierReply> rejections = new(StringComparer.Ordinal);

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

    /// <summary>From now on, answers create-shipment for <paramref name="orderId"/> (its Idempotency-Key) with <paramref name="reply"/>.</summary>
    public void RejectOrder(Guid orderId, FakeCarrierReply reply) => rejections[orderId.ToString()] = reply;

    /// <summary>The shipment the carrier made for an order (its Idempotency-Key), if any.</summary>
    public (Guid ShipmentId, string TrackingNumber)? ShipmentOf(Guid orderId) =>
        shipments.TryGetValue(orderId.ToString(), out var s) ? (s.ShipmentId, s.TrackingNumber) : null;

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
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        requests.Enqueue(new ReceivedCarrierRequest(context.Request.Method, context.Request.Path, headers, body));

        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var reply = rejections.TryGetValue(key, out var rejection) ? rejection
            : script.TryDequeue(out var next) ? next
            : FakeCarrierReply.Created;
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (its attempt timeout)
            }
        }

        context.Response.StatusCode = reply.StatusCode;
        if (reply.StatusCode is 201 or 200)
        {
            var shipment = shipments.GetOrAdd(key, NewShipment);
            await WriteShipmentAsync(context, reply, shipment).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync(
            JsonSerializer.Serialize(new { type = "about:blank", title = "Shipment not created", status = reply.StatusCode, detail = reply.Detail }),
            context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The shipment as JSON, padded and paused as the reply asks (two writes, so a body without a length is chunked).</summary>
    private static async Task WriteShipmentAsync(HttpContext context, FakeCarrierReply reply, CarrierShipment shipment)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            shipmentId = shipment.ShipmentId,
            trackingNumber = shipment.TrackingNumber,
            estimatedDelivery = "2030-01-15",
            padding = reply.PaddingBytes > 0 ? new string('x', reply.PaddingBytes) : null,
        });
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

    /// <summary>Ids derived from the idempotency key, so that a replayed scenario produces the same output.</summary>
    private static CarrierShipment NewShipment(string key)
    {
        var shipmentId = MessageIds.DeterministicGuid("fake-carrier-shipment:" + key);
        var tracking = "TRK" + MessageIds.DeterministicGuid("fake-carrier-tracking:" + key).ToString("N")[..10].ToUpperInvariant();
        return new CarrierShipment(shipmentId, tracking);
    }

    private sealed record CarrierShipment(Guid ShipmentId, string TrackingNumber);
}
