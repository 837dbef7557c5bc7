using System.Collections.Concurrent;
using Fulfilment.Contracts;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Bus;
using Microsoft.Extensions.Time.Testing;

namespace Fulfilment.Tests.Sandbox;

public sealed class InProcessBusTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PublishAsync_QueueMessage_DeliveredOnceAndCompleted()
    {
        var bus = new InProcessBus(clock, BusChaos.None);
        var received = new ConcurrentBag<BusDelivery>();
        bus.Subscribe(MessageNames.ReserveInventory, Completing(received));

        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.RunUntilIdleAsync(4, CancellationToken.None);

        Assert.Single(received);
        Assert.Equal(1, bus.Statistics.Completed);
        Assert.Equal(0, bus.Statistics.Lost(bus.Pending));
    }

    [Fact]
    public async Task Pause_Entity_HoldsItsDeliveriesUntilResumedAndTheBusIdlesMeanwhile()
    {
        var bus = new InProcessBus(clock, BusChaos.None);
        var received = new ConcurrentBag<BusDelivery>();
        bus.Subscribe(MessageNames.ReserveInventory, Completing(received));
        bus.Pause(MessageNames.ReserveInventory);

        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.RunUntilIdleAsync(2, CancellationToken.None);
        var whilePaused = (received.Count, bus.Deliverable, bus.Pending);
        bus.Resume(MessageNames.ReserveInventory);
        await bus.RunUntilIdleAsync(2, CancellationToken.None);

        Assert.Equal((0, 0, 1), whilePaused);
        Assert.Single(received);
        Assert.Equal(0, bus.Pending);
    }

    [Fact]
    public async Task PublishAsync_SameMessageIdTwice_SecondDroppedByDuplicateDetection()
    {
        var bus = new InProcessBus(clock, BusChaos.None);
        var received = new ConcurrentBag<BusDelivery>();
        bus.Subscribe(MessageNames.ReserveInventory, Completing(received));

        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.RunUntilIdleAsync(1, CancellationToken.None);

        Assert.Single(received);
        Assert.Equal(1, bus.Statistics.DuplicatesDetected);
    }

    [Fact]
    public async Task PublishAsync_SameMessageIdAfterWindow_DeliveredAgain()
    {
        var bus = new InProcessBus(clock, BusChaos.None);
        var received = new ConcurrentBag<BusDelivery>();
        bus.Subscribe(MessageNames.ReserveInventory, Completing(received));

        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        clock.Advance(TimeSpan.FromMinutes(11));
        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.RunUntilIdleAsync(1, CancellationToken.None);

        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task RunUntilIdleAsync_HandlerAlwaysThrows_DeadLetteredAfterMaxDeliveryCount()
    {
        var bus = new InProcessBus(clock, BusChaos.None, maxDeliveryCount: 3);
        var attempts = 0;
        var deadLetters = new List<string>();
        bus.DeadLettered += (_, reason, _) => deadLetters.Add(reason);
        bus.Subscribe(MessageNames.ReserveInventory, (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new TimeoutException("storage down");
        });

        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.RunUntilIdleAsync(2, CancellationToken.None);

        Assert.Equal(3, attempts);
        Assert.Equal([DeadLetterReasons.MaxDeliveryCountExceeded], deadLetters);
        Assert.Equal(0, bus.Statistics.Lost(bus.Pending));
    }

    [Fact]
    public async Task RunUntilIdleAsync_HandlerFailsOnceThenSucceeds_CompletedOnSecondDelivery()
    {
        var bus = new InProcessBus(clock, BusChaos.None);
        var counts = new List<int>();
        bus.Subscribe(MessageNames.ReserveInventory, (d, _) =>
        {
            counts.Add(d.DeliveryCount);
            return d.DeliveryCount == 1 ? throw new TimeoutException("blip") : Task.FromResult(Settlement.Complete);
        });

        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.RunUntilIdleAsync(1, CancellationToken.None);

        Assert.Equal([1, 2], counts);
        Assert.Equal(1, bus.Statistics.Completed);
    }

    [Fact]
    public async Task RunUntilIdleAsync_HandlerDeadLetters_ReasonReportedAndNotRedelivered()
    {
        var bus = new InProcessBus(clock, BusChaos.None);
        var reasons = new List<(string Reason, string Description)>();
        bus.DeadLettered += (_, reason, description) => reasons.Add((reason, description));
        bus.Subscribe(MessageNames.ReserveInventory, (_, _) => Task.FromResult(Settlement.DeadLetter(DeadLetterReasons.ContractViolation, "$.cartId: required")));

        await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m1"));
        await bus.RunUntilIdleAsync(1, CancellationToken.None);

        Assert.Equal([(DeadLetterReasons.ContractViolation, "$.cartId: required")], reasons);
        Assert.Equal(1, bus.Statistics.Deliveries);
    }

    [Fact]
    public async Task PublishAsync_TopicMessage_DeliveredToEachRegisteredSubscription()
    {
        var bus = new InProcessBus(clock, BusChaos.None);
        var received = new ConcurrentBag<BusDelivery>();
        bus.Subscribe(InProcessBus.SubscriptionEntity(MessageNames.OrderPacked, Topology.Subscriptions.Workflow), Completing(received));

        await bus.PublishAsync(Message(MessageNames.OrderPacked, "m1"));
        await bus.PublishAsync(Message(MessageNames.InventoryReserved, "m2"));
        await bus.RunUntilIdleAsync(1, CancellationToken.None);

        var delivery = Assert.Single(received);
        Assert.Equal("order-packed/workflow", delivery.Entity);
        Assert.Equal(2, bus.Statistics.PublishedTotal);
    }

    [Fact]
    public async Task RunUntilIdleAsync_WithDuplicateChaos_DeliversCopiesAndLosesNothing()
    {
        var bus = new InProcessBus(clock, new BusChaos(DuplicateRate: 0.5, Seed: 7));
        var received = new ConcurrentBag<BusDelivery>();
        var handler = Completing(received);
        bus.Subscribe(MessageNames.ReserveInventory, handler);

        for (var i = 0; i < 10; i++)
        {
            await bus.PublishAsync(Message(MessageNames.ReserveInventory, "m" + i));
        }

        await bus.RunUntilIdleAsync(1, CancellationToken.None);

        Assert.True(received.Count > 10);
        Assert.Equal(bus.Statistics.DuplicatesInjected, received.Count - 10);
        Assert.Equal(0, bus.Statistics.Lost(bus.Pending));
    }

    [Fact]
    public async Task RunUntilIdleAsync_WithReorder_DeliversEveryMessageInAnotherOrder()
    {
        var bus = new InProcessBus(clock, new BusChaos(Reorder: true, Seed: 3));
        var order = new List<string>();
        bus.Subscribe(MessageNames.ReserveInventory, (d, _) =>
        {
            order.Add(d.Message.MessageId);
            return Task.FromResult(Settlement.Complete);
        });
        var ids = Enumerable.Range(0, 20).Select(i => "m" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        foreach (var id in ids)
        {
            await bus.PublishAsync(Message(MessageNames.ReserveInventory, id));
        }

        await bus.RunUntilIdleAsync(1, CancellationToken.None);

        Assert.Equal(ids.Order(), order.Order());
        Assert.NotEqual(ids, order);
    }

    private static Func<BusDelivery, CancellationToken, Task<Settlement>> Completing(ConcurrentBag<BusDelivery> received) =>
        (delivery, _) =>
        {
            received.Add(delivery);
            return Task.FromResult(Settlement.Complete);
        };

    private static OutgoingMessage Message(string name, string id) => new(name, "{}", id, "corr");
}
