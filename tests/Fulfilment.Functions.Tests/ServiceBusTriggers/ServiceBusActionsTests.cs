#if SERVICE_BUS_TRIGGERS
using Azure.Messaging.ServiceBus;
using Fulfilment.Functions.ServiceBusTriggers;
using Fulfilment.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace Fulfilment.Functions.Tests.ServiceBusTriggers;

/// <summary>The adapter from the settlement port to the worker's ServiceBusMessageActions (built only with the Service Bus extension).</summary>
public sealed class ServiceBusActionsTests
{
    private readonly Mock<ServiceBusMessageActions> worker = new();
    private readonly ServiceBusReceivedMessage message = ReceivedMessages.WithBody("{}");

    [Fact]
    public async Task CompleteMessageAsync_Always_CompletesTheMessageThroughTheWorker()
    {
        using var cancellation = new CancellationTokenSource();

        await new ServiceBusActions(worker.Object).CompleteMessageAsync(message, cancellation.Token);

        worker.Verify(w => w.CompleteMessageAsync(message, cancellation.Token), Times.Once);
        worker.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DeadLetterMessageAsync_Always_DeadLettersWithTheReasonAndDescription()
    {
        await new ServiceBusActions(worker.Object).DeadLetterMessageAsync(message, "ContractViolation", "$.cartId: must be a UUID", CancellationToken.None);

        worker.Verify(w => w.DeadLetterMessageAsync(message, null, "ContractViolation", "$.cartId: must be a UUID", CancellationToken.None), Times.Once);
        worker.VerifyNoOtherCalls();
    }
}
#endif
