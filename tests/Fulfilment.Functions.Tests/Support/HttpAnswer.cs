using System.Text.Json;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>What an HTTP function answered: status, content type and body, with readers for JSON and problem bodies.</summary>
public sealed record HttpAnswer(int Status, string? ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool IsProblem => ContentType == Fulfilment.Http.Problem.ContentType;

    /// <summary>The problem body's <c>type</c>, <c>title</c>, <c>status</c> and <c>detail</c>; fails unless the answer is a problem.</summary>
    public (string Type, string Title, int Status, string Detail) Problem()
    {
        Assert.True(IsProblem, $"expected a problem body, got {ContentType}: {Body}");
        var json = Json;
        return (json.GetProperty("type").GetString()!, json.GetProperty("title").GetString()!, json.GetProperty("status").GetInt32(),
            json.GetProperty("detail").GetString()!);
    }

    /// <summary>The paths of the problem body's <c>errors</c>.</summary>
    public IReadOnlyList<string> ProblemPaths() => [.. Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!)];
}
