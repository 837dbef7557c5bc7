using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace Fulfilment.Functions.Messaging;

/// <summary>
/// The log scope of one inbound message: its MessageId, name, delivery count and CorrelationId, plus the business keys
/// its body carries at the top level (<c>orderId</c>, <c>cartId</c>, <c>reservationId</c>), so that every log line of
/// the handler can be found by order or cart. Read leniently: a body that is not JSON (it is about to be
/// dead-lettered) just adds no keys.
/// </summary>
internal static class InboundLogScope
{
    private static readonly (string JsonName, string ScopeKey)[] Keys =
    [
        ("orderId", "OrderId"),
        ("cartId", "CartId"),
        ("reservationId", "ReservationId"),
    ];

    public static Dictionary<string, object?> Of(string messageName, ServiceBusReceivedMessage message, string body)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["MessageName"] = messageName,
            ["MessageId"] = message.MessageId,
            ["DeliveryCount"] = message.DeliveryCount,
        };
        if (!string.IsNullOrEmpty(message.CorrelationId))
        {
            scope["CorrelationId"] = message.CorrelationId;
        }

        foreach (var (key, value) in TopLevelKeys(body))
        {
            scope[key] = value;
        }

        return scope;
    }

    private static List<(string Key, string Value)> TopLevelKeys(string body)
    {
        var found = new List<(string, string)>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return found;
            }

            foreach (var (jsonName, scopeKey) in Keys)
            {
                if (document.RootElement.TryGetProperty(jsonName, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    found.Add((scopeKey, value.GetString()!));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the handler dead-letters it with the parser's reason; the scope keeps the envelope's keys.
        }

        return found;
    }
}
