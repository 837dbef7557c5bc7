using Fulfilment.Contracts;
using Fulfilment.Tests.Support;
using Fulfilment.Workflow;
using Microsoft.Extensions.Options;

namespace Fulfilment.Tests.Workflow;

/// <summary>
/// One order's workflow on the in-memory runtime with <see cref="FakeSteps"/>: start it, raise the events the
/// other contexts would raise, move the clock, read what it did.
/// </summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public WorkflowHarness(FulfilmentOrder? order = null)
    {
        Order = order ?? new FulfilmentOrderBuilder().Build();
        var registry = Steps.Register(new WorkflowStepRegistry(), new RecordingPublisherSteps(Published));
        Runtime = new InMemoryWorkflowRuntime(registry, Start);
        Workflow = new FulfilmentWorkflow(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public FakeSteps Steps { get; } = new();

    public RecordingPublisher Published { get; } = new();

    public WorkflowOptions Options { get; } = new() { StepMaxAttempts = 3, CompensationMaxAttempts = 3 };

    public InMemoryWorkflowRuntime Runtime { get; }

    public FulfilmentWorkflow Workflow { get; }

    public FulfilmentOrder Order { get; }

    public Guid ShipmentId { get; } = Guid.NewGuid();

    public string InstanceId => Order.InstanceId;

    public FulfilmentStatus Status => Runtime.GetStatus(InstanceId) ?? throw new InvalidOperationException("not started");

    public IReadOnlyList<string> StepsRun => Runtime.StepsRun(InstanceId);

    public IReadOnlyList<string> PublishedNames => Published.Messages.Select(m => m.Name).ToArray();

    public Task<StartOutcome> StartAsync() => Runtime.StartAsync(InstanceId, context => Workflow.RunAsync(context, Order));

    public Task<RaiseOutcome> RaiseAsync<T>(string eventName, T message) =>
        Runtime.RaiseEventAsync(InstanceId, eventName, ContractJson.Serialize(message));

    public Task<RaiseOutcome> PackAsync(Guid? pickingJobId = null) =>
        RaiseAsync(WorkflowEvents.OrderPacked, new OrderPacked(Order.OrderId, Runtime.UtcNow, pickingJobId ?? Steps.PickingJobId, 2));

    public Task<RaiseOutcome> ShortPickAsync() =>
        RaiseAsync(WorkflowEvents.OrderShortPicked, new OrderShortPicked(
            Order.OrderId, Steps.PickingJobId, Steps.Items[0].ProductId, Steps.Items[0].Quantity, 1, "EMPTY_BIN", Runtime.UtcNow));

    public Task<RaiseOutcome> CreateShipmentAsync() =>
        RaiseAsync(WorkflowEvents.ShipmentCreated, new ShipmentCreated(ShipmentId, Order.OrderId, "TRACK-1", Runtime.UtcNow, "ACME"));

    public Task<RaiseOutcome> RejectShipmentAsync() =>
        RaiseAsync(WorkflowEvents.ShipmentRejected, new ShipmentRejected(Order.OrderId, 422, "postcode unknown", Runtime.UtcNow));

    public Task<RaiseOutcome> FailShipmentAsync(ShipmentFailureReason reason) =>
        RaiseAsync(WorkflowEvents.ShipmentFailed, new ShipmentFailed(ShipmentId, Order.OrderId, reason, Runtime.UtcNow));

    public Task<RaiseOutcome> DeliverAsync(Guid? shipmentId = null) =>
        RaiseAsync(WorkflowEvents.ShipmentDelivered, new ShipmentDelivered(shipmentId ?? ShipmentId, Order.OrderId, Runtime.UtcNow, "J. Smith"));

    public Task<RaiseOutcome> CancelAsync() =>
        RaiseAsync(WorkflowEvents.OrderCancelled, new OrderCancelled(Order.OrderId, CancellationReason.CustomerRequested, Runtime.UtcNow));

    /// <summary>Runs the happy path up to the given stage.</summary>
    public async Task RunToAsync(WorkflowStage stage)
    {
        await StartAsync();
        if (stage == WorkflowStage.AwaitingPacking)
        {
            return;
        }

        await PackAsync();
        if (stage == WorkflowStage.AwaitingShipment)
        {
            return;
        }

        await CreateShipmentAsync();
    }
}
