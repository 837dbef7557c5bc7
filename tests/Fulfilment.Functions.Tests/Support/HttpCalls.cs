using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>
/// Real ASP.NET Core requests for the HTTP functions (<see cref="DefaultHttpContext"/>, as the worker's ASP.NET Core
/// integration hands them over), and the function's <see cref="IActionResult"/> executed into the response by MVC's
/// own result executors.
/// </summary>
public static class HttpCalls
{
    private static readonly IServiceProvider MvcServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    public static HttpRequest Request(string method, string? body = null, string? query = null, IDictionary<string, string>? headers = null) =>
        Request(method, body is null ? null : Encoding.UTF8.GetBytes(body), query, headers);

    public static HttpRequest Request(string method, byte[]? body, string? query = null, IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext { RequestServices = MvcServices };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("fulfilment.example");
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = "application/json";
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs the function's result on the request's context and reads the response back.</summary>
    public static async Task<HttpAnswer> AnswerAsync(this Task<IActionResult> call, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(request);
        var result = await call;
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return new HttpAnswer(context.Response.StatusCode, context.Response.ContentType, await reader.ReadToEndAsync());
    }
}
