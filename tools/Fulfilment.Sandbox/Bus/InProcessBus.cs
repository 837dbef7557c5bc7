using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Sandbox.Bus;

/// <summary>
/// Service Bus in one process, with the semantics the handlers depend on: queues and topic subscriptions from
/// <see cref="Topology"/>, duplicate detection on MessageId (send side), peek-lock delivery that is completed,
/// dead-lettered with a reason, or abandoned (a thrown handler) and redelivered until MaxDeliveryCount, then
/// dead-lettered. On request (<see cref="BusChaos"/>) it duplicates, delays, reorders and abandons deliveries.
/// </summary>
public sealed class InProcessBus(TimeProvider clock, BusChaos chaos, int maxDeliveryCount = 10) : IMessagePublisher
{
    private static readonly TimeSpan DuplicateDetectionWindow = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, Func<BusDelivery, CancellationToken, Task<Settlement>>> handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string MessageId), DateTimeOffset> seen = [];
    private readonly List<BusDelivery> pending = [];
    private readonly HashSet<BusDelivery> delayedOnce = [];
    private readonly Lock gate = new();
    private readonly Random random = new(chaos.Seed);
    private readonly SemaphoreSlim signal = new(0);
    private readonly HashSet<string> paused = new(StringComparer.Ordinal);
    private readonly List<BusDelivery> held = [];
    private int inFlight;

    public BusStatistics Statistics { get; } = new();

    /// <summary>Every message accepted by <see cref="PublishAsync"/> (after duplicate detection), in order.</summary>
    public event Action<OutgoingMessage>? Published;

    /// <summary>Every delivery once its handler returned or threw, with the wall-clock time it took.</summary>
    public event Action<BusDelivery, TimeSpan>? Handled;

    /// <summary>Every delivery that was dead-lettered, with its reason and description.</summary>
    public event Action<BusDelivery, string, string>? DeadLettered;

    /// <summary>Deliveries not yet settled: waiting, in flight, or held for a paused entity.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count + inFlight + held.Count;
            }
        }
    }

    /// <summary>Deliveries the bus can make now (not held for a paused entity).</summary>
    public int Deliverable
    {
        get
        {
            lock (gate)
            {
                return pending.Count + inFlight;
            }
        }
    }

    /// <summary>Holds every delivery to <paramref name="entity"/> (a queue or <c>topic/subscription</c>) until <see cref="Resume"/>: its receiver is down.</summary>
    public void Pause(string entity)
    {
        lock (gate)
        {
            paused.Add(entity);
            held.AddRange(pending.Where(d => d.Entity == entity));
            pending.RemoveAll(d => d.Entity == entity);
        }
    }

    /// <summary>Delivers what was held for <paramref name="entity"/>, in order, and whatever comes next.</summary>
    public void Resume(string entity)
    {
        lock (gate)
        {
            paused.Remove(entity);
            var released = held.Where(d => d.Entity == entity).ToArray();
            held.RemoveAll(d => d.Entity == entity);
            pending.AddRange(released);
            signal.Release(released.Length);
        }
    }

    /// <summary>Registers the one receiver of a queue, or of a subscription (entity <c>topic/subscription</c>).</summary>
    public void Subscribe(string entity, Func<BusDelivery, CancellationToken, Task<Settlement>> handler) =>
        handlers.Add(entity, handler);

    public static string SubscriptionEntity(string topic, string subscription) => topic + "/" + subscription;

    public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (seen.TryGetValue((message.Name, message.MessageId), out var at) && now - at < DuplicateDetectionWindow)
            {
                Statistics.OnDuplicateDetected();
                return Task.CompletedTask;
            }

            seen[(message.Name, message.MessageId)] = now;
            if (seen.Count > 4096 && seen.Count % 1024 == 0)
            {
                ForgetOutsideWindow(now);
            }

            Statistics.OnPublished(message.Name);
            foreach (var entity in EntitiesFor(message.Name))
            {
                Statistics.OnAccepted();
                (paused.Contains(entity) ? held : pending).Add(new BusDelivery(entity, message, 1, now));
                signal.Release();
            }
        }

        Published?.Invoke(message);
        return Task.CompletedTask;
    }

    /// <summary>Delivers until nothing is pending or in flight, with up to <paramref name="concurrency"/> deliveries at once.</summary>
    public async Task RunUntilIdleAsync(int concurrency, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => WorkAsync(cancellationToken));
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private void ForgetOutsideWindow(DateTimeOffset now)
    {
        foreach (var key in seen.Where(s => now - s.Value >= DuplicateDetectionWindow).Select(s => s.Key).ToArray())
        {
            seen.Remove(key);
        }
    }

    private IEnumerable<string> EntitiesFor(string name)
    {
        if (Topology.IsQueue(name))
        {
            return handlers.ContainsKey(name) ? [name] : [];
        }

        return Topology.TopicSubscriptions
            .Where(s => s.Topic == name)
            .Select(s => SubscriptionEntity(s.Topic, s.Subscription))
            .Where(handlers.ContainsKey);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var delivery = Take(out var idle);
            if (idle)
            {
                signal.Release(); // wake the other workers so they see it too
                return;
            }

            if (delivery is null)
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (gate)
                {
                    inFlight--;
                }

                signal.Release();
            }
        }
    }

    private BusDelivery? Take(out bool idle)
    {
        lock (gate)
        {
            idle = pending.Count == 0 && inFlight == 0;
            if (pending.Count == 0)
            {
                return null;
            }

#pragma warning disable CA5394 // seeded chaos, not security
            var index = chaos.Reorder ? random.Next(pending.Count) : 0;
            var delivery = pending[index];
            if (chaos.DelayRate > 0 && pending.Count > 1 && !delayedOnce.Contains(delivery) && random.NextDouble() < chaos.DelayRate)
#pragma warning restore CA5394
            {
                delayedOnce.Add(delivery);
                pending.RemoveAt(index);
                pending.Add(delivery);
                Statistics.OnDelayed();
                return Take(out idle);
            }

            if (index > 0)
            {
                Statistics.OnReordered();
            }

            pending.RemoveAt(index);
            delayedOnce.Remove(delivery);
            inFlight++;
            return delivery;
        }
    }

    private async Task DeliverAsync(BusDelivery delivery, CancellationToken cancellationToken)
    {
        Statistics.OnDelivery();
        Settlement settlement;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            settlement = await handlers[delivery.Entity](delivery, cancellationToken).ConfigureAwait(false);
            Handled?.Invoke(delivery, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
#pragma warning disable CA1031 // a handler's exception is a transient failure: abandon and redeliver, as Service Bus does
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Abandon(delivery, e.GetType().Name + ": " + e.Message);
            return;
        }

        if (settlement is Settlement.Completed && delivery.DeliveryCount == 1 && Roll(chaos.AbandonRate))
        {
            Abandon(delivery, "chaos: lock lost before completion");
            return;
        }

        switch (settlement)
        {
            case Settlement.DeadLettered dead:
                DeadLetter(delivery, dead.Reason, dead.Description);
                break;
            default:
                Statistics.OnCompleted();
                if (Roll(chaos.DuplicateRate))
                {
                    Enqueue(delivery with { DeliveryCount = 1 }, duplicate: true);
                }

                break;
        }
    }

    private void Abandon(BusDelivery delivery, string error)
    {
        Statistics.OnAbandoned();
        if (delivery.DeliveryCount >= maxDeliveryCount)
        {
            DeadLetter(delivery, DeadLetterReasons.MaxDeliveryCountExceeded, error);
            return;
        }

        Enqueue(delivery with { DeliveryCount = delivery.DeliveryCount + 1 }, duplicate: false);
    }

    private void DeadLetter(BusDelivery delivery, string reason, string description)
    {
        Statistics.OnDeadLettered(reason);
        DeadLettered?.Invoke(delivery, reason, description);
    }

    private void Enqueue(BusDelivery delivery, bool duplicate)
    {
        lock (gate)
        {
            if (duplicate)
            {
                Statistics.OnDuplicateInjected();
                Statistics.OnAccepted();
            }

            (paused.Contains(delivery.Entity) ? held : pending).Add(delivery);
        }

        signal.Release();
    }

    private bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
#pragma warning disable CA5394 // seeded chaos, not security
            return random.NextDouble() < rate;
#pragma warning restore CA5394
        }
    }
}
