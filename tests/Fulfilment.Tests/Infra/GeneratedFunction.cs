using System.Text.Json.Nodes;

namespace Fulfilment.Tests.Infra;

/// <summary>One function of the Function App's generated functions.metadata: its name and bindings as the host reads them.</summary>
internal sealed record GeneratedFunction(string Name, IReadOnlyList<JsonObject> Bindings)
{
    /// <summary>The one binding whose type ends in "Trigger".</summary>
    public JsonObject Trigger => Bindings.Single(b => ((string?)b["type"])?.EndsWith("Trigger", StringComparison.Ordinal) == true);

    public string TriggerType => (string)Trigger["type"]!;

    /// <summary>A Service Bus trigger's entity: the queue, or "topic/subscription".</summary>
    public string? ServiceBusEntity =>
        TriggerType != "serviceBusTrigger" ? null
        : (string?)Trigger["queueName"] ?? $"{(string?)Trigger["topicName"]}/{(string?)Trigger["subscriptionName"]}";
}
