using System.Text.Json;

namespace Fulfilment.Contracts.Validation;

/// <summary>
/// The single entry point for inbound bodies: checks the JSON against the message's contract (every violation,
/// with its path) and only then deserialises it. Used by every trigger, the sandbox bus and the carrier callbacks.
/// </summary>
public static class MessageParser
{
    public static ParseResult<T> Parse<T>(string body)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return ParseResult<T>.Invalid([new Violation("$", $"body is not JSON ({e.Message})")]);
        }

        using (document)
        {
            return Parse<T>(document.RootElement);
        }
    }

    public static ParseResult<T> Parse<T>(JsonElement root)
        where T : class
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParseResult<T>.Invalid([new Violation("$", "body is not a JSON object")]);
        }

        var violations = ContractValidators.For<T>().Validate(root);
        if (violations.Count > 0)
        {
            return ParseResult<T>.Invalid(violations);
        }

        try
        {
            var message = root.Deserialize<T>(ContractJson.Options);
            return message is null
                ? ParseResult<T>.Invalid([new Violation("$", "body is JSON null")])
                : ParseResult<T>.Valid(message);
        }
        catch (JsonException e)
        {
            return ParseResult<T>.Invalid([new Violation(e.Path ?? "$", e.Message)]);
        }
    }
}
