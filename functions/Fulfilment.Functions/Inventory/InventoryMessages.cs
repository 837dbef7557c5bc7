using Azure.Messaging.ServiceBus;
using Fulfilment.Contracts;
using Fulfilment.Functions.Messaging;
using Fulfilment.Inventory;
using Fulfilment.Messaging;

namespace Fulfilment.Functions.Inventory;

/// <summary>
/// What the Service Bus triggers of Inventory's queues do (reserve-inventory's trigger binds the message and its actions
/// and calls <see cref="ReserveInventoryAsync"/>; release-inventory's goes through the workflow first and ends in
/// <see cref="ReleaseAsync"/>): check the body against its contract, call the handler, settle as
/// <see cref="InventorySettlements"/> decides.
/// </summary>
public sealed class InventoryMessages(
    InboundMessageProcessor processor,
    ReserveInventoryHandler reserve,
    ReleaseInventoryHandler release)
{
    public Task ReserveInventoryAsync(ServiceBusReceivedMessage message, IMessageActions actions, CancellationToken cancellationToken) =>
        processor.ProcessAsync(MessageNames.ReserveInventory, message, actions, InboundMessageProcessor.Parsed<ReserveInventory>(ReserveAsync), cancellationToken);

    /// <summary>
    /// A release-inventory body as Inventory handles it: releases a reservation that no order holds. Its trigger routes
    /// the message through the workflow first (<c>WorkflowMessages.ReleaseInventoryAsync</c>), which hands a message it
    /// does not take (<c>WorkflowDispatcher</c> answers null) to this. A reservation linked to an order meanwhile throws
    /// (<see cref="InventorySettlements.ForRelease"/>): the redelivery is routed to that order's workflow.
    /// </summary>
    public Task<Settlement> ReleaseAsync(string body, CancellationToken cancellationToken) =>
        InboundMessageProcessor.Parsed<ReleaseInventory>(ReleaseCommandAsync)(body, cancellationToken);

    private async Task<Settlement> ReserveAsync(ReserveInventory command, CancellationToken cancellationToken) =>
        InventorySettlements.For(await reserve.HandleAsync(command, cancellationToken).ConfigureAwait(false));

    private async Task<Settlement> ReleaseCommandAsync(ReleaseInventory command, CancellationToken cancellationToken) =>
        InventorySettlements.ForRelease(command, await release.HandleAsync(command, cancellationToken).ConfigureAwait(false));
}
