using Fulfilment.Contracts;
using Fulfilment.Contracts.Validation;
using Fulfilment.Inventory;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// The SDK-free routing every workflow adapter shares (Service Bus triggers, the sandbox bus): an inbound
/// message → start / raise (instance id, event name, payload) / dead-letter with a reason / not for the workflow.
/// Parses and validates every body first; the payload raised is the validated message in contract JSON.
/// </summary>
public sealed partial class WorkflowRouter(ReservationLedger reservations, ILogger<WorkflowRouter> logger)
{
    public async Task<WorkflowRoute> RouteAsync(string messageName, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var route = messageName switch
        {
            MessageNames.OrderCompleted => Parse<OrderCompleted>(body, Start),
            MessageNames.OrderCancelled => Parse<OrderCancelled>(body, m => Raise(m.OrderId, WorkflowEvents.OrderCancelled, m)),
            MessageNames.OrderPacked => Parse<OrderPacked>(body, m => Raise(m.OrderId, WorkflowEvents.OrderPacked, m)),
            MessageNames.OrderShortPicked => Parse<OrderShortPicked>(body, m => Raise(m.OrderId, WorkflowEvents.OrderShortPicked, m)),
            MessageNames.ShipmentCreated => Parse<ShipmentCreated>(body, m => Raise(m.OrderId, WorkflowEvents.ShipmentCreated, m)),
            MessageNames.ShipmentRejected => Parse<ShipmentRejected>(body, m => Raise(m.OrderId, WorkflowEvents.ShipmentRejected, m)),
            MessageNames.ShipmentFailed => Parse<ShipmentFailed>(body, m => Raise(m.OrderId, WorkflowEvents.ShipmentFailed, m)),
            MessageNames.ShipmentDelivered => Parse<ShipmentDelivered>(body, m => Raise(m.OrderId, WorkflowEvents.ShipmentDelivered, m)),
            MessageNames.ReleaseInventory => await RouteReleaseAsync(body, cancellationToken),
            _ => WorkflowRoute.DeadLetter(WorkflowRoute.NotAWorkflowMessage, $"'{messageName}' is not routed to the workflow"),
        };
        LogRoute(messageName, route.Kind, route.InstanceId, route.Reason);
        return route;
    }

    private static WorkflowRoute Start(OrderCompleted order)
    {
        if (order.ReservationId is null && order.CartId is null)
        {
            return WorkflowRoute.DeadLetter(WorkflowRoute.NoReservationReference, $"order {order.OrderId:D} has neither reservationId nor cartId");
        }

        if (order.ShippingAddress is null)
        {
            return WorkflowRoute.DeadLetter(WorkflowRoute.NoShippingAddress, $"order {order.OrderId:D} has no shippingAddress");
        }

        // The reservationId is derived from the cartId, so a cart reference names the reservation too: with it
        // the workflow can release a reservation it linked even if it never heard the link step's answer.
        return WorkflowRoute.Start(new FulfilmentOrder(
            order.OrderId, order.CustomerId, order.ReservationId ?? Reservation.IdFor(order.CartId!.Value), order.CartId,
            order.ShippingAddress, order.Service ?? ShippingService.Standard));
    }

    private static WorkflowRoute Raise<T>(Guid orderId, string eventName, T message) =>
        WorkflowRoute.Raise(orderId, eventName, ContractJson.Serialize(message));

    private static WorkflowRoute Parse<T>(string body, Func<T, WorkflowRoute> route)
        where T : class
    {
        var parsed = MessageParser.Parse<T>(body);
        return parsed.IsValid ? route(parsed.Message!) : WorkflowRoute.DeadLetter(WorkflowRoute.InvalidMessage, parsed.Describe());
    }

    /// <summary>release-inventory of a reservation HELD for an order is that order's cancellation; any other goes to Inventory.</summary>
    private async Task<WorkflowRoute> RouteReleaseAsync(string body, CancellationToken cancellationToken)
    {
        var parsed = MessageParser.Parse<ReleaseInventory>(body);
        if (!parsed.IsValid)
        {
            return WorkflowRoute.DeadLetter(WorkflowRoute.InvalidMessage, parsed.Describe());
        }

        var reservation = await reservations.GetAsync(parsed.Message!.ReservationId, cancellationToken).ConfigureAwait(false);
        return reservation is { Status: ReservationStatus.Held, OrderId: { } orderId }
            ? Raise(orderId, WorkflowEvents.ReleaseRequested, parsed.Message)
            : WorkflowRoute.NotForWorkflow($"reservation {parsed.Message.ReservationId:D} is not held for an order");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageName} routed: {RouteKind} {InstanceId} {Reason}")]
    private partial void LogRoute(string messageName, WorkflowRouteKind routeKind, string? instanceId, string? reason);
}
