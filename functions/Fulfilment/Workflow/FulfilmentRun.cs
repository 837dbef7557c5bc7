using Fulfilment.Contracts;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Workflow;

/// <summary>
/// One execution of <see cref="FulfilmentWorkflow"/> for one order: the forward path. Its state (status,
/// compensation stack) lives only for the run; under Durable it is rebuilt by replay. Compensation and the
/// outcome events are in FulfilmentRun.Compensation.cs.
/// </summary>
internal sealed partial class FulfilmentRun(IWorkflowContext context, FulfilmentOrder order, WorkflowOptions options)
{
    private static readonly string[] PackingEvents =
        [WorkflowEvents.OrderPacked, WorkflowEvents.OrderShortPicked, WorkflowEvents.OrderCancelled, WorkflowEvents.ReleaseRequested];

    private static readonly string[] ShipmentEvents =
    [
        WorkflowEvents.ShipmentCreated, WorkflowEvents.ShipmentDelivered, WorkflowEvents.ShipmentRejected, WorkflowEvents.ShipmentFailed,
        WorkflowEvents.OrderCancelled, WorkflowEvents.ReleaseRequested,
    ];

    private static readonly string[] DeliveryEvents =
        [WorkflowEvents.ShipmentDelivered, WorkflowEvents.ShipmentFailed, WorkflowEvents.OrderCancelled, WorkflowEvents.ReleaseRequested];

    private readonly Stack<Undo> compensations = new();
    private FulfilmentStatus status = FulfilmentStatus.Begin(order.OrderId);
    private IReadOnlyList<LineItem> items = [];
    private bool packed;
    private bool deliveredBeforeCreated;

    private enum Undo
    {
        ReleaseReservation,
        CancelPickingJob,
    }

    private DateTimeOffset Now => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private ILogger Log => context.Logger;

    public async Task<FulfilmentStatus> RunAsync()
    {
        Log.LogInformation("Fulfilment of order {OrderId} started as {InstanceId}", order.OrderId, context.InstanceId);
        context.SetStatus(status);
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
        catch (StepFailedException e)
        {
            Log.LogWarning("Order {OrderId}: step {StepName} failed at {Stage}: {Error}", order.OrderId, e.StepName, status.Stage, e.ErrorMessage);
            ending = Ending.StepFailed(e);
        }

        return ending is null ? await ConsumeReservationAsync() : await CompensateAsync(ending);
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
        Update(status with { PickingJobId = result.PickingJobId, Stage = WorkflowStage.AwaitingPacking });
        return null;
    }

    private async Task<Ending?> AwaitPackingAsync()
    {
        var deadline = context.CurrentUtcDateTime + options.PickingTimeout;
        while (true)
        {
            var received = await WaitAsync(PackingEvents, deadline);
            switch (received)
            {
                case null:
                    return Ending.Failed(FulfilmentFailureReason.PickingTimeout, ReleaseMode.Restock, $"not packed within {options.PickingTimeout}");
                case { Name: WorkflowEvents.OrderPacked }:
                    var packing = ContractJson.Deserialize<OrderPacked>(received.Payload);
                    if (IsStray(packing.PickingJobId, status.PickingJobId, received))
                    {
                        continue;
                    }

                    packed = true;
                    return null;
                case { Name: WorkflowEvents.OrderShortPicked }:
                    var shortPick = ContractJson.Deserialize<OrderShortPicked>(received.Payload);
                    if (IsStray(shortPick.PickingJobId, status.PickingJobId, received))
                    {
                        continue;
                    }

                    return Ending.ShortPicked(shortPick);
                default:
                    var cancellation = ReadCancellation(received);
                    if (cancellation is not null)
                    {
                        return cancellation;
                    }

                    continue;
            }
        }
    }

    private async Task<Ending?> PublishReadyForShippingAsync()
    {
        Update(status with { Stage = WorkflowStage.PublishingReadyForShipping });
        var request = new PublishReadyForShippingStep.Request(order.OrderId, order.CustomerId, order.ShippingAddress, order.Service);
        await CallAsync<PublishReadyForShippingStep.Result>(nameof(PublishReadyForShippingStep), request, result => $"{result.ParcelCount} parcel(s)");
        Update(status with { Stage = WorkflowStage.AwaitingShipment });
        return null;
    }

    private async Task<Ending?> AwaitShipmentAsync()
    {
        var deadline = context.CurrentUtcDateTime + options.ShipmentCreationTimeout;
        while (true)
        {
            var received = await WaitAsync(ShipmentEvents, deadline);
            switch (received)
            {
                case null:
                    return Ending.Failed(FulfilmentFailureReason.ShipmentCreationTimeout, ReleaseMode.Restock, $"no shipment within {options.ShipmentCreationTimeout}");
                case { Name: WorkflowEvents.ShipmentCreated }:
                    var created = ContractJson.Deserialize<ShipmentCreated>(received.Payload);
                    Update(status with { ShipmentId = created.ShipmentId, TrackingNumber = created.TrackingNumber, Stage = WorkflowStage.AwaitingDelivery });
                    return null;
                case { Name: WorkflowEvents.ShipmentDelivered }:
                    // Delivered before (or without) shipment-created: Shipping ignores a shipment-created after
                    // DELIVERED, so none may ever come. The parcel reached the customer: go straight to consuming.
                    Update(status with { ShipmentId = ContractJson.Deserialize<ShipmentDelivered>(received.Payload).ShipmentId });
                    deliveredBeforeCreated = true;
                    return null;
                case { Name: WorkflowEvents.ShipmentRejected }:
                    var rejected = ContractJson.Deserialize<ShipmentRejected>(received.Payload);
                    return Ending.Failed(FulfilmentFailureReason.CarrierRejected, ReleaseMode.Restock, $"HTTP {rejected.StatusCode}: {rejected.Reason}");
                case { Name: WorkflowEvents.ShipmentFailed }:
                    return Ending.ShipmentFailed(ContractJson.Deserialize<ShipmentFailed>(received.Payload));
                default:
                    var cancellation = ReadCancellation(received);
                    if (cancellation is not null)
                    {
                        return cancellation;
                    }

                    continue;
            }
        }
    }

    private async Task<Ending?> AwaitDeliveryAsync()
    {
        var deadline = context.CurrentUtcDateTime + options.DeliveryTimeout;
        while (true)
        {
            var received = await WaitAsync(DeliveryEvents, deadline);
            switch (received)
            {
                case null:
                    return Ending.Failed(FulfilmentFailureReason.DeliveryTimeout, ReleaseMode.WriteOff, $"not delivered within {options.DeliveryTimeout}");
                case { Name: WorkflowEvents.ShipmentDelivered }:
                    var delivered = ContractJson.Deserialize<ShipmentDelivered>(received.Payload);
                    if (IsStray(delivered.ShipmentId, status.ShipmentId, received))
                    {
                        continue;
                    }

                    return null;
                case { Name: WorkflowEvents.ShipmentFailed }:
                    var failed = ContractJson.Deserialize<ShipmentFailed>(received.Payload);
                    if (IsStray(failed.ShipmentId, status.ShipmentId, received))
                    {
                        continue;
                    }

                    return Ending.ShipmentFailed(failed);
                default:
                    await RefuseCancellationAsync(received);
                    continue;
            }
        }
    }

    private async Task<FulfilmentStatus> ConsumeReservationAsync()
    {
        Update(status with { Stage = WorkflowStage.ConsumingReservation });
        try
        {
            await CallAsync<ConsumeReservationStep.Result>(
                nameof(ConsumeReservationStep), new ConsumeReservationStep.Request(order.OrderId, status.ReservationId!.Value), result => result.Detail);
        }
        catch (StepFailedException e)
        {
            // Delivered: nothing to undo and nothing to tell ordering; the stock stays reserved (never oversold)
            // until an operator consumes it. An explicit terminal state, not a swallowed error.
            Log.LogError(e, "Order {OrderId} was delivered but consuming reservation {ReservationId} failed", order.OrderId, status.ReservationId);
            return Finish(FulfilmentOutcome.CompensationFailed, $"delivered, but {e.Message}; reservation {status.ReservationId:D} is still HELD");
        }

        return Finish(FulfilmentOutcome.Completed, null);
    }
}
