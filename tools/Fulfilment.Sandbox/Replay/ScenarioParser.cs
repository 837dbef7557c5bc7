using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Fulfilment.Contracts;

namespace Fulfilment.Sandbox.Replay;

/// <summary>Reads a scenario file (see the README, "replay") and rejects anything malformed with the step and the problem.</summary>
public static class ScenarioParser
{
    private static readonly string[] InboundNames =
        [MessageNames.ReserveInventory, MessageNames.ReleaseInventory, MessageNames.OrderCompleted, MessageNames.OrderCancelled];

    private static readonly string[] CarrierEvents =
        [MessageNames.ShipmentCreated, MessageNames.ShipmentDelivered, MessageNames.ShipmentFailed];

    public static Scenario Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"the file is not JSON: {e.Message}", e);
        }

        if (root is not JsonObject file)
        {
            throw new ScenarioException("the file must be a JSON object with 'start', 'stock' and 'steps'");
        }

        var start = Time(file["start"], "start");
        var stock = Array(file["stock"], "stock").Select((s, i) => Stock(s, i)).ToArray();
        var steps = Array(file["steps"], "steps").Select(Step).ToArray();
        return new Scenario(start, stock, steps);
    }

    private static ScenarioStock Stock(JsonNode? node, int index)
    {
        var where = $"stock[{index}]";
        var stock = Object(node, where);
        var available = Int(stock["available"], where + ".available");
        return available < 0
            ? throw new ScenarioException($"{where}.available: must be 0 or more")
            : new ScenarioStock(Uuid(stock["productId"], where + ".productId"), available);
    }

    private static ScenarioStep Step(JsonNode? node, int index)
    {
        var where = $"step {index}";
        var step = Object(node, where);
        var kind = step.Select(p => p.Key).ToArray();
        if (kind.Length == 0)
        {
            throw new ScenarioException($"{where}: empty step");
        }

        return kind[0] switch
        {
            "send" => Send(step, index, where),
            "pick" => Pick(Object(step["pick"], where + ".pick"), index, where + ".pick"),
            "shortPick" => ShortPick(Object(step["shortPick"], where + ".shortPick"), index, where + ".shortPick"),
            "carrier" => Carrier(Object(step["carrier"], where + ".carrier"), index, where + ".carrier"),
            "carrierRejects" => new ScenarioStep.CarrierRejects(index, Uuid(step["carrierRejects"], where + ".carrierRejects")),
            "carrierOmitsTracking" => new ScenarioStep.CarrierOmitsTracking(index, Uuid(step["carrierOmitsTracking"], where + ".carrierOmitsTracking")),
            "carrierUnavailable" => new ScenarioStep.CarrierUnavailable(index, Uuid(step["carrierUnavailable"], where + ".carrierUnavailable")),
            "carrierAvailable" => new ScenarioStep.CarrierAvailable(index, Uuid(step["carrierAvailable"], where + ".carrierAvailable")),
            "carrierPicksUp" => new ScenarioStep.CarrierPicksUp(index, Uuid(step["carrierPicksUp"], where + ".carrierPicksUp")),
            "advance" => new ScenarioStep.Advance(index, Duration(step["advance"], where + ".advance")),
            var other => throw new ScenarioException(
                $"{where}: unknown step '{other}' (send, pick, shortPick, carrier, carrierRejects, carrierOmitsTracking, carrierUnavailable, carrierAvailable, carrierPicksUp, advance)"),
        };
    }

    private static ScenarioStep.Send Send(JsonObject step, int index, string where)
    {
        var name = Text(step["send"], where + ".send");
        if (!InboundNames.Contains(name))
        {
            throw new ScenarioException($"{where}.send: '{name}' is not an inbound message ({string.Join(", ", InboundNames)})");
        }

        return (step["body"], step["raw"]) switch
        {
            (JsonNode body, null) => new ScenarioStep.Send(index, name, body.ToJsonString()),
            (null, JsonNode raw) => new ScenarioStep.Send(index, name, Text(raw, where + ".raw")),
            _ => throw new ScenarioException($"{where}: give exactly one of 'body' or 'raw'"),
        };
    }

    private static ScenarioStep.Pick Pick(JsonObject pick, int index, string where)
    {
        var parcels = pick["parcelCount"] is null ? 1 : Int(pick["parcelCount"], where + ".parcelCount");
        return new ScenarioStep.Pick(index, Uuid(pick["orderId"], where + ".orderId"), parcels);
    }

    private static ScenarioStep.ShortPick ShortPick(JsonObject pick, int index, string where)
    {
        var product = pick["productId"] is null ? (Guid?)null : Uuid(pick["productId"], where + ".productId");
        var picked = pick["picked"] is null ? 0 : Int(pick["picked"], where + ".picked");
        var reason = pick["reason"] is null ? "short pick" : Text(pick["reason"], where + ".reason");
        return new ScenarioStep.ShortPick(index, Uuid(pick["orderId"], where + ".orderId"), reason, product, picked);
    }

    private static ScenarioStep.CarrierCallback Carrier(JsonObject carrier, int index, string where)
    {
        var name = Text(carrier["event"], where + ".event");
        if (!CarrierEvents.Contains(name))
        {
            throw new ScenarioException($"{where}.event: '{name}' is not a carrier event ({string.Join(", ", CarrierEvents)})");
        }

        var body = carrier["body"] is null ? null : Object(carrier["body"], where + ".body");
        var signature = carrier["signature"] is null
            ? CallbackSignature.Valid
            : Text(carrier["signature"], where + ".signature") switch
            {
                "valid" => CallbackSignature.Valid,
                "invalid" => CallbackSignature.Invalid,
                "stale" => CallbackSignature.Stale,
                var other => throw new ScenarioException($"{where}.signature: '{other}' is not valid, invalid or stale"),
            };
        return new ScenarioStep.CarrierCallback(index, name, Uuid(carrier["orderId"], where + ".orderId"), (JsonObject?)body?.DeepClone(), signature);
    }

    private static JsonObject Object(JsonNode? node, string where) =>
        node as JsonObject ?? throw new ScenarioException($"{where}: must be an object");

    private static JsonArray Array(JsonNode? node, string where) =>
        node as JsonArray ?? throw new ScenarioException($"{where}: must be an array");

    private static string Text(JsonNode? node, string where) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new ScenarioException($"{where}: must be a string");

    private static int Int(JsonNode? node, string where) =>
        node is JsonValue value && value.TryGetValue<int>(out var number)
            ? number
            : throw new ScenarioException($"{where}: must be a whole number");

    private static Guid Uuid(JsonNode? node, string where) =>
        Guid.TryParseExact(Text(node, where), "D", out var id) ? id : throw new ScenarioException($"{where}: must be a UUID");

    private static DateTimeOffset Time(JsonNode? node, string where) =>
        DateTimeOffset.TryParse(Text(node, where), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new ScenarioException($"{where}: must be an ISO 8601 date-time");

    private static TimeSpan Duration(JsonNode? node, string where)
    {
        var text = Text(node, where);
        try
        {
            var span = XmlConvert.ToTimeSpan(text);
            return span > TimeSpan.Zero ? span : throw new ScenarioException($"{where}: must be a positive duration");
        }
        catch (FormatException e)
        {
            throw new ScenarioException($"{where}: '{text}' is not an ISO 8601 duration (e.g. PT45M, P2D)", e);
        }
    }
}
