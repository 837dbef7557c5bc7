namespace Fulfilment.Messaging;

/// <summary>The dead-letter reasons Fulfilment uses (Service Bus DeadLetterReason), defined once.</summary>
public static class DeadLetterReasons
{
    /// <summary>The body is not JSON, not an object, or breaks the message contract; the description lists every violation.</summary>
    public const string ContractViolation = "ContractViolation";

    /// <summary>The message is valid but can never be processed as sent (e.g. no reservation reference or address).</summary>
    public const string Unprocessable = "Unprocessable";

    /// <summary>Set by the broker after too many failed deliveries.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
}
