using System.Reflection;
using Fulfilment.Functions.Http;
using Fulfilment.Functions.Inventory;
using Fulfilment.Functions.Warehouse;
using Fulfilment.Shipping;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Tests.Http;

/// <summary>Every HTTP trigger of the app, with its method, route, authorization level and request body limit.</summary>
public sealed class HttpTriggersTests
{
    [Fact]
    public void HttpTriggers_OfTheApp_AreExactlyTheseWithAFunctionKeyAndABodyLimit()
    {
        (string Function, string Methods, string Route, AuthorizationLevel Level, int BodyLimit)[] expected =
        [
            ("GetStock", "get", "stock/{productId}", AuthorizationLevel.Function, 0),
            ("PutStock", "put", "stock/{productId}", AuthorizationLevel.Function, StockFunctions.MaxBodyBytes),
            ("ListPickingJobs", "get", "picking-jobs", AuthorizationLevel.Function, 0),
            ("StartPicking", "post", "picking-jobs/{orderId}/start", AuthorizationLevel.Function, PickingFloorFunctions.MaxBodyBytes),
            ("PackPickingJob", "post", "picking-jobs/{orderId}/pack", AuthorizationLevel.Function, PickingFloorFunctions.MaxBodyBytes),
            ("ReportShortPick", "post", "picking-jobs/{orderId}/short-pick", AuthorizationLevel.Function, PickingFloorFunctions.MaxBodyBytes),
            ("ReceiveCarrierEvent", "post", "carrier/events", AuthorizationLevel.Function, CarrierCallbackHeaders.MaxBodyBytes),
            ("GetFulfilment", "get", "fulfilments/{orderId}", AuthorizationLevel.Function, 0),
        ];

        var actual = HttpTriggers().Select(t => (t.Function, string.Join(",", t.Trigger.Methods!), t.Trigger.Route!, t.Trigger.AuthLevel, t.BodyLimit));

        Assert.Equal(expected.OrderBy(e => e.Function, StringComparer.Ordinal), actual.OrderBy(a => a.Function, StringComparer.Ordinal));
    }

    [Fact]
    public void HttpTriggers_ReadingNoBody_AreReads()
    {
        var bodiless = HttpTriggers().Where(t => t.BodyLimit == 0);

        Assert.All(bodiless, t => Assert.Equal(["get"], t.Trigger.Methods!));
    }

    internal static IEnumerable<(string Function, HttpTriggerAttribute Trigger, int BodyLimit)> HttpTriggers() =>
        from method in typeof(Program).Assembly.GetTypes().SelectMany(t => t.GetMethods())
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)
        where function is not null && trigger is not null
        select (function.Name, trigger, method.GetCustomAttribute<RequestBodyLimitAttribute>()?.Bytes ?? -1);
}
