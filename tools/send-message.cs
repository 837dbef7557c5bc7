// Sends one message to a queue or topic of Fulfilment's Service Bus, as ordering would, and can read what Fulfilment
// published. A .NET 10 file-based program (no project):
//   dotnet run tools/send-message.cs -- send reserve-inventory '{"cartId":"…","items":[…]}'
//   dotnet run tools/send-message.cs -- receive inventory-reserved ordering
// The connection comes from FULFILMENT_SERVICEBUS (a connection string); unset, it is the local emulator's
// (docker/compose.yaml). Against Azure, use a namespace's connection string or sign in and set
// FULFILMENT_SERVICEBUS_NAMESPACE=<name>.servicebus.windows.net instead (DefaultAzureCredential).
#:package Azure.Messaging.ServiceBus
#:package Azure.Identity
#:property WarningsNotAsErrors=NU1603

using Azure.Identity;
using Azure.Messaging.ServiceBus;

const string Emulator = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

if (args is not ["send", _, _] and not ["receive", _, _])
{
    Console.Error.WriteLine("usage: send <queue-or-topic> <json body> | receive <topic> <subscription>");
    return 2;
}

await using var client = Environment.GetEnvironmentVariable("FULFILMENT_SERVICEBUS_NAMESPACE") is { Length: > 0 } ns
    ? new ServiceBusClient(ns, new DefaultAzureCredential())
    : new ServiceBusClient(Environment.GetEnvironmentVariable("FULFILMENT_SERVICEBUS") is { Length: > 0 } cs ? cs : Emulator);

if (args[0] == "send")
{
    await using var sender = client.CreateSender(args[1]);
    var message = new ServiceBusMessage(BinaryData.FromString(args[2]))
    {
        MessageId = Guid.NewGuid().ToString(),
        Subject = args[1],
        ContentType = "application/json",
    };
    await sender.SendMessageAsync(message);
    Console.WriteLine($"sent {args[1]} as {message.MessageId}");
    return 0;
}

await using var receiver = client.CreateReceiver(args[1], args[2], new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
foreach (var received in await receiver.ReceiveMessagesAsync(maxMessages: 50, maxWaitTime: TimeSpan.FromSeconds(5)))
{
    Console.WriteLine($"{received.Subject} {received.MessageId} correlation={received.CorrelationId} {received.Body}");
}

return 0;
