using System.Collections.Concurrent;
using Fulfilment.Contracts;
using Fulfilment.Workflow;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// The sandbox's side of the real Durable engine: the app's <see cref="DurableWorkflowHost"/> (every start and raise
/// goes through it, as in the Function App), plus what a test bench needs and Durable does not say — when every
/// instance is at rest, and how scenario time maps onto the engine's real timers.
/// <para>
/// At rest: finished, or parked in a wait (<see cref="FulfilmentStatus.WaitingUntil"/>) having taken every event
/// raised to it, with its deadline still ahead. Scenario time: with a <see cref="TimeScale"/>, each timeout in the
/// orchestration input is that fraction of its configured value, <see cref="AdvanceAsync"/> lets real time run for
/// the same fraction of the advance, and then waits out exactly the waits whose scenario deadline the advance
/// crossed (each wait's scenario deadline is known from when it began); without one (simulate), timeouts are real
/// and an advance moves only the handlers' clock.
/// </para>
/// </summary>
public sealed class SandboxWorkflows(DurableWorkflowHost host, WorkflowOptions configured, SandboxClock clock, double? timeScale)
    : IWorkflowHost
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private readonly ConcurrentDictionary<string, Tracked> instances = new(StringComparer.Ordinal);

    /// <summary>Real time per scenario time for the workflow's timers; null: timers are real.</summary>
    public double? TimeScale => timeScale;

    /// <summary>Every instance this sandbox started (running or finished), by id.</summary>
    public IReadOnlyCollection<string> InstanceIds => instances.Keys.ToArray();

    public bool Exists(Guid orderId) => instances.ContainsKey(WorkflowInstanceId.For(orderId));

    public async Task<StartOutcome> StartFulfilmentAsync(FulfilmentOrder order, CancellationToken cancellationToken)
    {
        var started = await host.StartFulfilmentAsync(order, cancellationToken).ConfigureAwait(false);
        instances.TryAdd(order.InstanceId, new Tracked());
        return started;
    }

    public async Task<StartOutcome> StartCancelledBeforeStartAsync(OrderCancelled cancellation, CancellationToken cancellationToken)
    {
        var started = await host.StartCancelledBeforeStartAsync(cancellation, cancellationToken).ConfigureAwait(false);
        instances.TryAdd(WorkflowInstanceId.For(cancellation.OrderId), new Tracked());
        return started;
    }

    public async Task<RaiseOutcome> RaiseEventAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken)
    {
        var raised = await host.RaiseEventAsync(instanceId, eventName, payload, cancellationToken).ConfigureAwait(false);
        if (raised == RaiseOutcome.Delivered && instances.TryGetValue(instanceId, out var tracked))
        {
            tracked.OnRaised();
        }

        return raised;
    }

    public Task<FulfilmentSnapshot?> GetAsync(Guid orderId, CancellationToken cancellationToken) => host.GetAsync(orderId, cancellationToken);

    /// <summary>The order's status as the status endpoint would show it; null for an order with no instance.</summary>
    public async Task<FulfilmentStatus?> StatusOfAsync(string instanceId, CancellationToken cancellationToken) =>
        await StatusAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } status ? status.Status : null;

    /// <summary>Forgets finished instances (simulate, between waves): they stay in the engine, untouched.</summary>
    public void ForgetFinished()
    {
        foreach (var (id, tracked) in instances)
        {
            if (tracked.Finished)
            {
                instances.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Returns once every instance is at rest; true if any instance was not at rest when called.</summary>
    public async Task<bool> WaitUntilAtRestAsync(CancellationToken cancellationToken)
    {
        var waited = false;
        while (true)
        {
            var busy = await BusyAsync(cancellationToken).ConfigureAwait(false);
            if (busy.Count == 0)
            {
                return waited;
            }

            waited = true;
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lets scenario time <paramref name="by"/> pass for the workflow's timers (see the class summary), once the
    /// scenario clock has been moved; the caller then runs everything to rest.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        if (timeScale is not { } scale)
        {
            return;
        }

        var scenarioNow = clock.GetUtcNow();
        var crossed = instances.Values
            .Where(t => t.Wait is { } wait && wait.ScenarioDeadline <= scenarioNow)
            .Select(t => t.Wait!.Deadline)
            .ToArray();
        var sleep = by * scale;
        var latest = crossed.Length == 0 ? DateTimeOffset.MinValue : crossed.Max();
        var untilDue = latest - DateTimeOffset.UtcNow;
        await Task.Delay(untilDue > sleep ? untilDue : sleep, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The statuses of the given instances (those with one), read through the engine's client.</summary>
    public async Task<IReadOnlyList<FulfilmentStatus>> StatusesAsync(IEnumerable<string> instanceIds, CancellationToken cancellationToken)
    {
        var statuses = await Task.WhenAll(instanceIds.Select(id => StatusOfAsync(id, cancellationToken))).ConfigureAwait(false);
        return statuses.OfType<FulfilmentStatus>().ToArray();
    }

    private async Task<List<string>> BusyAsync(CancellationToken cancellationToken)
    {
        var busy = new List<string>();
        foreach (var (id, tracked) in instances)
        {
            if (tracked.Finished || tracked.AtRestAsOf(DateTimeOffset.UtcNow))
            {
                continue;
            }

            var snapshot = await StatusAsync(id, cancellationToken).ConfigureAwait(false);
            tracked.Observe(snapshot, clock.GetUtcNow(), configured);
            if (!tracked.Finished && !tracked.AtRestAsOf(DateTimeOffset.UtcNow))
            {
                busy.Add(id);
            }
        }

        return busy;
    }

    private async Task<FulfilmentSnapshot?> StatusAsync(string instanceId, CancellationToken cancellationToken) =>
        WorkflowInstanceId.TryParse(instanceId, out var orderId)
            ? await GetAsync(orderId, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>What the sandbox knows of one instance: events raised to it, and the wait it was last seen in.</summary>
    private sealed class Tracked
    {
        private int raised;
        private int seenRaised = -1;

        public bool Finished { get; private set; }

        public ParkedWait? Wait { get; private set; }

        public void OnRaised() => Interlocked.Increment(ref raised);

        /// <summary>At rest if it was last seen parked with every event taken, nothing raised since, and its timer not due.</summary>
        public bool AtRestAsOf(DateTimeOffset now) => Wait is { } wait && seenRaised == Volatile.Read(ref raised) && wait.Deadline > now;

        public void Observe(FulfilmentSnapshot? snapshot, DateTimeOffset scenarioNow, WorkflowOptions configured)
        {
            var raisedNow = Volatile.Read(ref raised);
            if (snapshot is null)
            {
                Wait = null;
                return;
            }

            if (snapshot.State != WorkflowInstanceState.Running)
            {
                Finished = true;
                Wait = null;
                return;
            }

            var status = snapshot.Status;
            if (status.WaitingUntil is not { } deadline || status.EventsReceived < raisedNow)
            {
                Wait = null;
                return;
            }

            // A wait seen for the first time began at the scenario time it is first seen at: waits begin only while
            // the sandbox runs to rest, and scenario time does not move then.
            if (Wait?.Deadline != deadline)
            {
                var timeout = configured.ToSettings().TimeoutOf(status.Stage);
                Wait = new ParkedWait(deadline, scenarioNow + timeout);
            }

            seenRaised = raisedNow;
        }
    }

    /// <summary>A wait an instance is parked in: its real deadline (the engine's timer) and its scenario deadline.</summary>
    private sealed record ParkedWait(DateTimeOffset Deadline, DateTimeOffset ScenarioDeadline);
}
