namespace Fulfilment.Workflow;

/// <summary>
/// One workflow instance per order; its id is derived from the orderId alone, so every message about an order
/// (start, events, status) finds the same instance without a lookup: <c>fulfilment-{orderId:D}</c>, lower case.
/// </summary>
public static class WorkflowInstanceId
{
    public const string Prefix = "fulfilment-";

    public static string For(Guid orderId) => Prefix + orderId.ToString("D");

    /// <summary>The orderId of a workflow instance id, or false for anything else.</summary>
    public static bool TryParse(string? instanceId, out Guid orderId)
    {
        orderId = Guid.Empty;
        return instanceId is not null
               && instanceId.StartsWith(Prefix, StringComparison.Ordinal)
               && Guid.TryParseExact(instanceId[Prefix.Length..], "D", out orderId);
    }
}
