using System.Text.Json;
using System.Text.RegularExpressions;
using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;

namespace Fulfilment.Shipping;

/// <summary>
/// Reads the callback envelope <c>{ "eventId", "type", "data" }</c> and the contract body in <c>data</c> (through
/// <see cref="MessageParser"/>), collecting every violation with its path (<c>$.eventId</c>, <c>$.data.orderId</c>…).
/// </summary>
public static partial class CarrierEventParser
{
    /// <summary>What an <c>eventId</c> may be: 1 to 128 of <c>A-Z a-z 0-9 . _ : -</c>.</summary>
    public const string EventIdPattern = "^[A-Za-z0-9._:-]{1,128}$";

    public static ParseResult<CarrierEvent> Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return ParseResult<CarrierEvent>.Invalid([new Violation("$", $"body is not JSON ({e.Message})")]);
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    private static ParseResult<CarrierEvent> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParseResult<CarrierEvent>.Invalid([new Violation("$", "body is not a JSON object")]);
        }

        var violations = new List<Violation>();
        var eventId = ReadString(root, "eventId", violations);
        if (eventId is not null && !EventIdRule().IsMatch(eventId))
        {
            violations.Add(new Violation("$.eventId", "must be 1 to 128 of A-Z a-z 0-9 . _ : -"));
            eventId = null;
        }

        var type = ReadString(root, "type", violations);
        if (type is not null && type is not (MessageNames.ShipmentCreated or MessageNames.ShipmentDelivered or MessageNames.ShipmentFailed))
        {
            violations.Add(new Violation("$.type", $"unknown type '{type}' (shipment-created, shipment-delivered or shipment-failed)"));
            type = null;
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new Violation("$.data", "required, a JSON object"));
            return ParseResult<CarrierEvent>.Invalid(violations);
        }

        var carrierEvent = type switch
        {
            MessageNames.ShipmentCreated => Data<ShipmentCreated>(data, violations, m => CarrierEvent.Of(eventId ?? "", m)),
            MessageNames.ShipmentDelivered => Data<ShipmentDelivered>(data, violations, m => CarrierEvent.Of(eventId ?? "", m)),
            MessageNames.ShipmentFailed => Data<ShipmentFailed>(data, violations, m => CarrierEvent.Of(eventId ?? "", m)),
            _ => null,
        };
        return violations.Count == 0 && carrierEvent is not null
            ? ParseResult<CarrierEvent>.Valid(carrierEvent)
            : ParseResult<CarrierEvent>.Invalid(violations);
    }

    private static CarrierEvent? Data<T>(JsonElement data, List<Violation> violations, Func<T, CarrierEvent> wrap)
        where T : class
    {
        var parsed = MessageParser.Parse<T>(data);
        violations.AddRange(parsed.Violations.Select(v => v with { Path = "$.data" + v.Path.TrimStart('$') }));
        return parsed.Message is { } message ? wrap(message) : null;
    }

    private static string? ReadString(JsonElement root, string name, List<Violation> violations)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        violations.Add(new Violation("$." + name, "required, a non-empty string"));
        return null;
    }

    [GeneratedRegex(EventIdPattern)]
    private static partial Regex EventIdRule();
}
