using Fulfilment.Contracts;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Fulfilment.Functions.Tests.BadInput;

/// <summary>
/// The Function App (<see cref="FunctionAppHost"/>: its own services, fresh Azurite tables, a recording publisher)
/// that the H- cases call through its real HTTP functions, with the state they meet and the requests they send.
/// </summary>
internal sealed class HttpWorld : IAsyncDisposable
{
    public static readonly Address Address = new("1 Quay Street", "Bristol", "BS1 4DJ", "GB");

    private DurableEngine? engine;

    private HttpWorld(FunctionAppHost app) => App = app;

    public FunctionAppHost App { get; }

    public string CallbackSecret => FunctionAppHost.SampleSettings()["Shipping:CallbackSecret"]!;

    public static async Task<HttpWorld> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings) =>
        new(await FunctionAppHost.StartAsync(azurite, settings));

    public T Function<T>() => App.Function<T>();

    /// <summary>The app's Durable client, on the in-process engine (started on first use).</summary>
    public async Task<Microsoft.DurableTask.Client.DurableTaskClient> DurableClientAsync() => (engine ??= await DurableEngine.StartAsync(App)).Client;

    /// <summary>A product with 10 units on the books.</summary>
    public Task<Guid> ProductAsync() => App.ProductAsync(10);

    /// <summary>A picking job of one line (3 of a product) for a new order, driven to <paramref name="status"/> by Alice.</summary>
    public async Task<PickingJob> JobAsync(PickingJobStatus status)
    {
        var orderId = Guid.NewGuid();
        var outcome = await App.Get<PickingJobHandler>().CreateAsync(orderId, [new LineItem(Guid.NewGuid(), 3)], CancellationToken.None);
        var floor = App.Get<PickingFloorHandler>();
        var alice = FloorCaller.Picker(Principals.Alice);
        if (status is PickingJobStatus.Picking or PickingJobStatus.Packed)
        {
            outcome = await floor.StartAsync(orderId, alice, CancellationToken.None);
        }

        if (status is PickingJobStatus.Packed)
        {
            outcome = await floor.PackAsync(orderId, alice, 1, CancellationToken.None);
        }

        Assert.Equal(status, outcome.Job!.Status);
        return outcome.Job;
    }

    /// <summary>A shipment REQUESTED for a new order; returns the orderId.</summary>
    public async Task<Guid> ShipmentAsync()
    {
        var orderId = Guid.NewGuid();
        await App.Get<OrderReadyForShippingHandler>().HandleAsync(new OrderReadyForShipping(orderId, Address, App.Clock.GetUtcNow()), CancellationToken.None);
        return orderId;
    }

    /// <summary>A shipment-created callback for <paramref name="orderId"/>, signed now with the app's secret.</summary>
    public SignedCarrierCallback Callback(Guid orderId, object? data = null) =>
        FakeCarrier.Callback(
            CallbackSecret, "evt-" + Guid.NewGuid().ToString("N"), MessageNames.ShipmentCreated,
            data ?? new ShipmentCreated(Guid.NewGuid(), orderId, "TRK1", App.Clock.GetUtcNow()), App.Clock.GetUtcNow());

    /// <summary>
    /// A request: <paramref name="body"/> as application/json (unless <paramref name="headers"/> set a Content-Type),
    /// by Alice the picker unless <paramref name="headers"/> say otherwise (an empty value removes a header).
    /// </summary>
    public static HttpRequest Request(string method, string? body = null, string? query = null, IDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(Principals.AlicePicking, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        var request = HttpCalls.Request(method, body, query, all.Where(h => h.Value.Length > 0).ToDictionary());
        return request;
    }

    /// <summary><paramref name="request"/> with the header given twice.</summary>
    public static HttpRequest Twice(HttpRequest request, string header, string first, string second)
    {
        request.Headers[header] = new StringValues([first, second]);
        return request;
    }

    /// <summary>Calls the function and reads its answer as the worker would write it.</summary>
    public static Task<HttpAnswer> SendAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function) =>
        function(request).AnswerAsync(request);

    public async ValueTask DisposeAsync()
    {
        if (engine is not null)
        {
            await engine.DisposeAsync();
        }

        await App.DisposeAsync();
    }
}
