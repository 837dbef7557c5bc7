using Fulfilment.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// One execution of <see cref="FulfilmentOrchestration"/> for one order: the forward path and its waits. Its state
/// (status, compensation stack, deferred events) lives only for the run; Durable rebuilds it by replay, so nothing
/// here reads a clock, a setting or storage except through the context and activities. Compensation, cancellation
/// and the helpers are in FulfilmentRun.Compensation.cs and FulfilmentRun.Events.cs.
/// </summary>
internal sealed partial class FulfilmentRun
{
    private readonly TaskOrchestrationContext context;
    private readonly FulfilmentOrder order;
    private readonly WorkflowSettings settings;
    private readonly ILogger log;
    private readonly WorkflowEventStream events;
    private readonly Stack<Undo> compensations = new();
    private FulfilmentStatus status;
    private IReadOnlyList<LineItem> items = [];
    private bool packed;
    private bool deliveredBeforeCreated;

    public FulfilmentRun(TaskOrchestrationContext context, FulfilmentOrder order, WorkflowSettings settings)
    {
        this.context = context;
        this.order = order;
        this.settings = settings;
        log = context.CreateReplaySafeLogger(nameof(FulfilmentOrchestration));
        events = new WorkflowEventStream(context);
        status = FulfilmentStatus.Begin(order.OrderId);
    }

    private enum Undo
    {
        ReleaseReservation,
        CancelPickingJob,
    }

    private DateTimeOffset Now => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    public async Task<FulfilmentStatus> RunAsync()
    {
        log.LogInformation("Fulfilment of order {OrderId} started as {InstanceId}", order.OrderId, context.InstanceId);
        context.SetCustomStatus(status);
        Ending? ending;
        try
        {
            ending = await LinkReservationAsync();
            ending ??= await CreatePickingJobAsync();
            ending ??= await AwaitPackingAsync();
            ending ??= await PublishReadyForShippingAsync();
            ending ??= await AwaitShipmentAsync();
            ending ??= deliveredBeforeCreated ? null : await AwaitDeliveryAsync();
        }
        catch (TaskFailedException e)
        {
            log.LogWarning("Order {OrderId}: step {StepName} failed at {Stage}: {Error}", order.OrderId, e.TaskName, status.Stage, ErrorOf(e));
            ending = Ending.StepFailed(e.TaskName, ErrorOf(e));
        }

        return ending switch
        {
            null => await ConsumeReservationAsync(),
            { Outcome: FulfilmentOutcome.AlreadyFulfilled } => Finish(ending.Outcome, ending.Detail),
            { ShipmentNotStoppedBecause: { } because } => await CompensationFailedAsync(status.Stage, ending, nameof(CancelShipmentStep), because, skip: 0),
            _ when undoFailed is { } failed => await CompensationFailedAsync(status.Stage, ending, failed.Step, failed.Error),
            _ => await CompensateAsync(ending),
        };
    }

    private async Task<Ending?> LinkReservationAsync()
    {
        compensations.Push(Undo.ReleaseReservation);
        var result = await CallAsync<LinkReservationStep.Result>(
            nameof(LinkReservationStep), new LinkReservationStep.Request(order.OrderId, order.ReservationId, order.CartId), result => result.Outcome.ToString());
        if (result.Outcome == LinkReservationStep.LinkOutcome.Linked)
        {
            items = result.Items;
            Update(status with { ReservationId = result.ReservationId });
            return null;
        }

        compensations.Pop(); // nothing of ours to give back: the reservation is not linked to this order
        if (result.Outcome == LinkReservationStep.LinkOutcome.SettledForThisOrder)
        {
            return Ending.AlreadyFulfilled(result.Detail);
        }

        var reason = result.Outcome switch
        {
            LinkReservationStep.LinkOutcome.Expired => FulfilmentFailureReason.ReservationExpired,
            LinkReservationStep.LinkOutcome.Released or LinkReservationStep.LinkOutcome.Consumed => FulfilmentFailureReason.ReservationReleased,
            _ => FulfilmentFailureReason.ReservationNotFound,
        };
        return Ending.Failed(reason, ReleaseMode.Restock, result.Detail ?? result.Outcome.ToString());
    }

    private async Task<Ending?> CreatePickingJobAsync()
    {
        Update(status with { Stage = WorkflowStage.CreatingPickingJob });
        compensations.Push(Undo.CancelPickingJob);
        var result = await CallAsync<CreatePickingJobStep.Result>(
            nameof(CreatePickingJobStep), new CreatePickingJobStep.Request(order.OrderId, items), result => result.PickingJobId.ToString("D"));
        Update(status with { PickingJobId = result.PickingJobId });
        return null;
    }

    private async Task<Ending?> AwaitPackingAsync()
    {
        var wait = BeginWait(WorkflowStage.AwaitingPacking);
        while (true)
        {
            var received = await NextEventAsync(wait);
            switch (received)
            {
                case null:
                    return await PickingTimedOutAsync();
                case { Name: WorkflowEvents.OrderPacked }:
                    if (!IsStray(ContractJson.Deserialize<OrderPacked>(received.Payload).PickingJobId, status.PickingJobId, received))
                    {
                        Took(received);
                        packed = true;
                        return null;
                    }

                    break;
                case { Name: WorkflowEvents.OrderShortPicked }:
                    var shortPick = ContractJson.Deserialize<OrderShortPicked>(received.Payload);
                    if (!IsStray(shortPick.PickingJobId, status.PickingJobId, received))
                    {
                        Took(received);
                        return Ending.ShortPicked(shortPick);
                    }

                    break;
                case { Name: WorkflowEvents.OrderCancelled or WorkflowEvents.ReleaseRequested }:
                    if (ReadCancellation(received) is { } cancellation)
                    {
                        return cancellation;
                    }

                    break;
                case { Name: WorkflowEvents.ShipmentCreated or WorkflowEvents.ShipmentDelivered or WorkflowEvents.ShipmentFailed or WorkflowEvents.ShipmentRejected }:
                    Defer(received); // early: for the shipment and delivery waits
                    break;
            }
        }
    }

    private async Task<Ending?> PublishReadyForShippingAsync()
    {
        Update(status with { Stage = WorkflowStage.PublishingReadyForShipping });
        var request = new PublishReadyForShippingStep.Request(order.OrderId, order.CustomerId, order.ShippingAddress, order.Service);
        try
        {
            await CallAsync<PublishReadyForShippingStep.Result>(nameof(PublishReadyForShippingStep), request, result => $"{result.ParcelCount} parcel(s)");
            return null;
        }
        catch (TaskFailedException e)
        {
            // Its publish may have gone out before the step failed: the order may be in hand-off already.
            log.LogWarning("Order {OrderId}: step {StepName} failed: {Error}", order.OrderId, e.TaskName, ErrorOf(e));
            return await EndTheHandOffAsync(Ending.StepFailed(e.TaskName, ErrorOf(e)));
        }
    }

    private async Task<Ending?> AwaitShipmentAsync()
    {
        var wait = BeginWait(WorkflowStage.AwaitingShipment);
        while (true)
        {
            var received = await NextEventAsync(wait);
            switch (received)
            {
                case null:
                    var timedOut = Ending.Failed(FulfilmentFailureReason.ShipmentCreationTimeout, ReleaseMode.Restock, $"no shipment within {settings.ShipmentCreationTimeout}");
                    return await EndTheHandOffAsync(timedOut);
                case { Name: WorkflowEvents.ShipmentCreated }:
                    var created = ContractJson.Deserialize<ShipmentCreated>(received.Payload);
                    Took(received);
                    Update(status with { ShipmentId = created.ShipmentId, TrackingNumber = created.TrackingNumber });
                    return null;
                case { Name: WorkflowEvents.ShipmentDelivered }:
                    // Delivered before (or without) shipment-created: Shipping ignores a shipment-created after
                    // DELIVERED, so none may ever come. The parcel reached the customer: go straight to consuming.
                    Took(received, "before shipment-created");
                    Update(status with { ShipmentId = ContractJson.Deserialize<ShipmentDelivered>(received.Payload).ShipmentId });
                    deliveredBeforeCreated = true;
                    return null;
                case { Name: WorkflowEvents.ShipmentRejected }:
                    var rejected = ContractJson.Deserialize<ShipmentRejected>(received.Payload);
                    Took(received);
                    return Ending.Failed(FulfilmentFailureReason.CarrierRejected, ReleaseMode.Restock, $"HTTP {rejected.StatusCode}: {rejected.Reason}");
                case { Name: WorkflowEvents.ShipmentFailed }:
                    Took(received);
                    return Ending.ShipmentFailed(ContractJson.Deserialize<ShipmentFailed>(received.Payload));
                case { Name: WorkflowEvents.OrderCancelled or WorkflowEvents.ReleaseRequested }:
                    if (refused)
                    {
                        Ignore(received, "cancellation already refused");
                    }
                    else if (ReadCancellation(received) is { } cancellation && await CancelDuringTheHandOffAsync(cancellation) is { } cancelled)
                    {
                        return cancelled;
                    }

                    break;
                default:
                    Ignore(received, "late: packing is over");
                    break;
            }
        }
    }

    private async Task<Ending?> AwaitDeliveryAsync()
    {
        var wait = BeginWait(WorkflowStage.AwaitingDelivery);
        while (true)
        {
            var received = await NextEventAsync(wait);
            switch (received)
            {
                case null:
                    return Ending.Failed(FulfilmentFailureReason.DeliveryTimeout, ReleaseMode.WriteOff, $"not delivered within {settings.DeliveryTimeout}");
                case { Name: WorkflowEvents.ShipmentDelivered }:
                    if (!IsStray(ContractJson.Deserialize<ShipmentDelivered>(received.Payload).ShipmentId, status.ShipmentId, received))
                    {
                        Took(received);
                        return null;
                    }

                    break;
                case { Name: WorkflowEvents.ShipmentFailed }:
                    var failed = ContractJson.Deserialize<ShipmentFailed>(received.Payload);
                    if (!IsStray(failed.ShipmentId, status.ShipmentId, received))
                    {
                        Took(received);
                        return Ending.ShipmentFailed(failed);
                    }

                    break;
                case { Name: WorkflowEvents.OrderCancelled or WorkflowEvents.ReleaseRequested }:
                    await RefuseCancellationAsync(received);
                    break;
                default:
                    Ignore(received, "duplicate or late: the carrier has the parcel");
                    break;
            }
        }
    }

    private async Task<FulfilmentStatus> ConsumeReservationAsync()
    {
        Update(status with { Stage = WorkflowStage.ConsumingReservation });
        try
        {
            // Retried like a compensation: after delivery there is nothing to undo, so a transient failure that
            // outlasts a forward step's attempts must not end the order CompensationFailed with its stock held.
            await CallAsync<ConsumeReservationStep.Result>(
                nameof(ConsumeReservationStep), new ConsumeReservationStep.Request(order.OrderId, status.ReservationId!.Value), result => result.Detail, compensating: true);
        }
        catch (TaskFailedException e)
        {
            // Delivered: nothing to undo and nothing to tell ordering; the stock stays reserved (never oversold)
            // until an operator consumes it. An explicit terminal state, not a swallowed error.
            log.LogError(e, "Order {OrderId} was delivered but consuming reservation {ReservationId} failed", order.OrderId, status.ReservationId);
            return Finish(FulfilmentOutcome.CompensationFailed, $"delivered, but {e.TaskName} failed: {ErrorOf(e)}; reservation {status.ReservationId:D} is still HELD");
        }

        return Finish(FulfilmentOutcome.Completed, null);
    }
}
