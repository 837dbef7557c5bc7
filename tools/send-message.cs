// Sends one message to a queue or topic of Fulfilment's Service Bus, as ordering would, reads what Fulfilment
// published, and lists or resubmits dead-lettered messages. A .NET 10 file-based program (no project):
//   dotnet run tools/send-message.cs -- send reserve-inventory '{"cartId":"…","items":[…]}'
//   dotnet run tools/send-message.cs -- receive inventory-reserved ordering
//   dotnet run tools/send-message.cs -- dead-letters reserve-inventory              (a queue)
//   dotnet run tools/send-message.cs -- dead-letters order-completed fulfilment     (a topic's subscription)
//   dotnet run tools/send-message.cs -- resubmit reserve-inventory <messageId>
//   dotnet run tools/send-message.cs -- resubmit order-completed fulfilment <messageId>
// dead-letters peeks (changes nothing). resubmit sends a copy of one dead-lettered message back to its queue or topic
// and then removes it from the dead-letter queue: same body, Subject, ContentType, CorrelationId and application
// properties, the MessageId "<original>/resubmitted" (the original is in ResubmittedFrom: within the duplicate-detection
// window the broker would drop the original id, and drops a second resubmission of the same message), and for a topic ResubmitTo = the subscription, which every subscription's rule
// honours (infra/modules/servicebus.bicep), so the topic's other consumers do not receive it again.
// The connection comes from FULFILMENT_SERVICEBUS (a connection string); unset, it is the local emulator's
// (docker/compose.yaml). Against Azure, use a namespace's connection string or sign in and set
// FULFILMENT_SERVICEBUS_NAMESPACE=<name>.servicebus.windows.net instead (DefaultAzureCredential; reading and
// resubmitting dead-letters needs Azure Service Bus Data Receiver and Sender on the entity).
#:package Azure.Messaging.ServiceBus
#:package Azure.Identity
#:property WarningsNotAsErrors=NU1603

using Azure.Identity;
using Azure.Messaging.ServiceBus;

const string Emulator = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";
const string ResubmitTo = "ResubmitTo"; // Topology.ResubmitToProperty
const int MaxScanned = 500;

if (args is not (["send", _, _] or ["receive", _, _] or ["dead-letters", _] or ["dead-letters", _, _] or ["resubmit", _, _] or ["resubmit", _, _, _]))
{
    Console.Error.WriteLine(
        "usage: send <queue-or-topic> <json body> | receive <topic> <subscription>"
        + " | dead-letters <queue> | dead-letters <topic> <subscription>"
        + " | resubmit <queue> <messageId> | resubmit <topic> <subscription> <messageId>");
    return 2;
}

await using var client = Environment.GetEnvironmentVariable("FULFILMENT_SERVICEBUS_NAMESPACE") is { Length: > 0 } ns
    ? new ServiceBusClient(ns, new DefaultAzureCredential())
    : new ServiceBusClient(Environment.GetEnvironmentVariable("FULFILMENT_SERVICEBUS") is { Length: > 0 } cs ? cs : Emulator);

switch (args)
{
    case ["send", var entity, var body]:
    {
        await using var sender = client.CreateSender(entity);
        var message = new ServiceBusMessage(BinaryData.FromString(body))
        {
            MessageId = Guid.NewGuid().ToString(),
            Subject = entity,
            ContentType = "application/json",
        };
        await sender.SendMessageAsync(message);
        Console.WriteLine($"sent {entity} as {message.MessageId}");
        return 0;
    }

    case ["receive", var topic, var subscription]:
    {
        await using var receiver = client.CreateReceiver(topic, subscription, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        foreach (var received in await receiver.ReceiveMessagesAsync(maxMessages: 50, maxWaitTime: TimeSpan.FromSeconds(5)))
        {
            Console.WriteLine($"{received.Subject} {received.MessageId} correlation={received.CorrelationId} {received.Body}");
        }

        return 0;
    }

    case ["dead-letters", var entity, .. var rest]:
    {
        await using var receiver = DeadLetterReceiver(entity, rest.FirstOrDefault(), ServiceBusReceiveMode.PeekLock);
        var count = 0;
        long? next = null;
        while (count < MaxScanned)
        {
            var page = await receiver.PeekMessagesAsync(maxMessages: 50, fromSequenceNumber: next);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var m in page)
            {
                Console.WriteLine(
                    $"{m.MessageId} seq={m.SequenceNumber} enqueued={m.EnqueuedTime:O} deliveries={m.DeliveryCount} correlation={m.CorrelationId}"
                    + $"{Environment.NewLine}  reason: {m.DeadLetterReason}{Environment.NewLine}  description: {m.DeadLetterErrorDescription}"
                    + $"{Environment.NewLine}  body: {m.Body}");
            }

            count += page.Count;
            next = page[^1].SequenceNumber + 1;
        }

        Console.WriteLine($"{count} dead-lettered message(s)");
        return 0;
    }

    case ["resubmit", var entity, .. var rest]:
    {
        var (subscription, messageId) = rest is [var s, var id] ? (s, id) : (null, rest[0]);
        await using var receiver = DeadLetterReceiver(entity, subscription, ServiceBusReceiveMode.PeekLock);
        await using var sender = client.CreateSender(entity);
        var held = new List<ServiceBusReceivedMessage>();
        try
        {
            while (held.Count < MaxScanned)
            {
                var batch = await receiver.ReceiveMessagesAsync(maxMessages: 50, maxWaitTime: TimeSpan.FromSeconds(5));
                if (batch.Count == 0)
                {
                    break;
                }

                if (batch.FirstOrDefault(m => m.MessageId == messageId) is { } found)
                {
                    held.AddRange(batch.Where(m => m != found));
                    var copy = new ServiceBusMessage(found.Body)
                    {
                        MessageId = $"{found.MessageId}/resubmitted", // a second resubmission within the window is a duplicate
                        Subject = found.Subject,
                        ContentType = found.ContentType,
                        CorrelationId = found.CorrelationId,
                    };
                    foreach (var property in found.ApplicationProperties.Where(p => p.Key is not ("DeadLetterReason" or "DeadLetterErrorDescription")))
                    {
                        copy.ApplicationProperties[property.Key] = property.Value;
                    }

                    copy.ApplicationProperties["ResubmittedFrom"] = found.MessageId;
                    if (subscription is not null)
                    {
                        copy.ApplicationProperties[ResubmitTo] = subscription;
                    }

                    await sender.SendMessageAsync(copy);
                    await receiver.CompleteMessageAsync(found);
                    Console.WriteLine($"resubmitted {found.MessageId} to {entity}{(subscription is null ? "" : $" for {subscription}")} as {copy.MessageId}");
                    return 0;
                }

                held.AddRange(batch);
            }

            Console.Error.WriteLine($"no dead-lettered message {messageId} among the first {held.Count} of {entity}{(subscription is null ? "" : $"/{subscription}")}");
            return 1;
        }
        finally
        {
            foreach (var other in held)
            {
                try
                {
                    await receiver.AbandonMessageAsync(other); // back on the dead-letter queue, untouched
                }
                catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
                {
                    // The lock lapsed during a long scan: the message is back on the dead-letter queue anyway.
                }
            }
        }
    }
}

return 2;

ServiceBusReceiver DeadLetterReceiver(string entity, string? subscription, ServiceBusReceiveMode mode)
{
    var options = new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = mode };
    return subscription is null ? client.CreateReceiver(entity, options) : client.CreateReceiver(entity, subscription, options);
}
