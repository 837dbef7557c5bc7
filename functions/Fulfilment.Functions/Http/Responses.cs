using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Problem = Fulfilment.Http.Problem;

namespace Fulfilment.Functions.Http;

/// <summary>The HTTP adapters' answers: JSON bodies, and RFC 7807 problem bodies for every refusal.</summary>
internal static class Responses
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>An already serialised JSON body (a contract, in contract JSON).</summary>
    public static ContentResult Json(int statusCode, string json) =>
        new() { StatusCode = statusCode, Content = json, ContentType = JsonContentType };

    /// <summary>A view of the core's state, in <see cref="HttpJson.Options"/>.</summary>
    public static ContentResult Json<T>(int statusCode, T body) => Json(statusCode, JsonSerializer.Serialize(body, HttpJson.Options));

    public static ContentResult Problem(Problem problem) =>
        new() { StatusCode = problem.Status, Content = problem.ToJson(), ContentType = Fulfilment.Http.Problem.ContentType };
}
