using Azure.Messaging.ServiceBus;
using Fulfilment.Contracts;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>Messages as the Service Bus trigger hands them over, built with <see cref="ServiceBusModelFactory"/>.</summary>
public static class ReceivedMessages
{
    public static ServiceBusReceivedMessage WithBody(string body, string? messageId = null, int deliveryCount = 1, string? correlationId = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(body),
            messageId: messageId ?? Guid.NewGuid().ToString(),
            correlationId: correlationId,
            contentType: "application/json",
            lockTokenGuid: Guid.NewGuid(),
            deliveryCount: deliveryCount);

    /// <summary>A contract record in contract JSON.</summary>
    public static ServiceBusReceivedMessage Of<T>(T message, string? messageId = null, int deliveryCount = 1) =>
        WithBody(ContractJson.Serialize(message), messageId, deliveryCount);
}
