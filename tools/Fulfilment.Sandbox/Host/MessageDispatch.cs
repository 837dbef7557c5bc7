using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Bus;
using Fulfilment.Shipping;
using Fulfilment.Workflow;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// What the Function App's triggers do, for the in-process bus: for each queue and subscription, parse the body
/// against its contract (dead-letter on a violation), call the one handler, and settle. A handler's exception
/// propagates (abandon, redelivery); workflow messages go through the shared <see cref="WorkflowDispatcher"/>
/// over the real Durable engine (<see cref="SandboxWorkflows"/>).
/// </summary>
internal sealed class MessageDispatch(SandboxHost host)
{
    public void SubscribeAll()
    {
        var bus = host.Bus;
        bus.Subscribe(MessageNames.ReserveInventory, Parsed<ReserveInventory>(ReserveAsync));
        bus.Subscribe(MessageNames.ReleaseInventory, (d, ct) => RouteAsync(d, ct, Parsed<ReleaseInventory>(ReleaseAsync)));
        bus.Subscribe(MessageNames.CreateShipment, Parsed<CreateShipment>(CreateShipmentAsync));
        bus.Subscribe(Entity(MessageNames.OrderReadyForShipping, Topology.Subscriptions.Shipping), Parsed<OrderReadyForShipping>(ReadyForShippingAsync));
        foreach (var subscription in Topology.TopicSubscriptions.Where(s => s.Topic != MessageNames.OrderReadyForShipping))
        {
            bus.Subscribe(Entity(subscription.Topic, subscription.Subscription), (d, ct) => RouteAsync(d, ct, NotRouted));
        }
    }

    private static string Entity(string topic, string subscription) => InProcessBus.SubscriptionEntity(topic, subscription);

    private static Func<BusDelivery, CancellationToken, Task<Settlement>> Parsed<T>(Func<T, CancellationToken, Task<Settlement>> handle)
        where T : class =>
        (delivery, cancellationToken) =>
        {
            var parsed = MessageParser.Parse<T>(delivery.Message.Body);
            return parsed.IsValid
                ? handle(parsed.Message!, cancellationToken)
                : Task.FromResult(Settlement.DeadLetter(DeadLetterReasons.ContractViolation, parsed.Describe()));
        };

    private static Task<Settlement> NotRouted(BusDelivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(Settlement.DeadLetter(DeadLetterReasons.Unprocessable, $"'{delivery.Message.Name}' is not for the workflow"));

    private async Task<Settlement> ReserveAsync(ReserveInventory command, CancellationToken cancellationToken) =>
        InventorySettlements.For(await host.Get<ReserveInventoryHandler>().HandleAsync(command, cancellationToken).ConfigureAwait(false));

    /// <summary>A release-inventory the router left to Inventory (see <see cref="InventorySettlements.ForRelease"/>).</summary>
    private async Task<Settlement> ReleaseAsync(ReleaseInventory command, CancellationToken cancellationToken) =>
        InventorySettlements.ForRelease(command, await host.Get<ReleaseInventoryHandler>().HandleAsync(command, cancellationToken).ConfigureAwait(false));

    private async Task<Settlement> CreateShipmentAsync(CreateShipment command, CancellationToken cancellationToken)
    {
        await host.Get<CreateShipmentHandler>().HandleAsync(command, cancellationToken).ConfigureAwait(false);
        return Settlement.Complete;
    }

    private async Task<Settlement> ReadyForShippingAsync(OrderReadyForShipping message, CancellationToken cancellationToken)
    {
        await host.Get<OrderReadyForShippingHandler>().HandleAsync(message, cancellationToken).ConfigureAwait(false);
        return Settlement.Complete;
    }

    /// <summary>Into the workflow as <see cref="WorkflowDispatcher"/> decides; a message not for the workflow goes to <paramref name="otherwise"/>.</summary>
    private async Task<Settlement> RouteAsync(
        BusDelivery delivery,
        CancellationToken cancellationToken,
        Func<BusDelivery, CancellationToken, Task<Settlement>> otherwise) =>
        await host.Get<WorkflowDispatcher>().DispatchAsync(host.Workflows, delivery.Message.Name, delivery.Message.Body, cancellationToken).ConfigureAwait(false)
        ?? await otherwise(delivery, cancellationToken).ConfigureAwait(false);
}
