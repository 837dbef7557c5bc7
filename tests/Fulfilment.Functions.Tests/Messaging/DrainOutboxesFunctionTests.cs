using Fulfilment.Configuration;
using Fulfilment.Contracts;
using Fulfilment.Functions.Messaging;
using Fulfilment.Functions.Tests.Support;
using Fulfilment.Shipping;
using Fulfilment.Tests.Support;
using Fulfilment.Warehouse;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Tests.Messaging;

[Collection(AzuriteCollection.Name)]
public sealed class DrainOutboxesFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DrainOutboxes_EventsWrittenButNotPublished_PublishesThePickingFloorsAndShippingsWithNoFurtherCall()
    {
        await using var app = await FunctionAppHost.StartAsync(azurite);
        var packedOrder = Guid.NewGuid();
        var shippedOrder = Guid.NewGuid();
        await app.Get<PickingJobHandler>().CreateAsync(packedOrder, [new LineItem(Guid.NewGuid(), 2)], CancellationToken.None);
        await app.Get<PickingFloorHandler>().StartAsync(packedOrder, FloorCaller.Picker("picker-1"), CancellationToken.None);
        app.Publisher.Unavailable = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Get<PickingFloorHandler>().PackAsync(packedOrder, FloorCaller.Picker("picker-1"), 1, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Get<OrderReadyForShippingHandler>().HandleAsync(
            new OrderReadyForShipping(shippedOrder, new Address("1 Quay Street", "Bristol", "BS1 4DJ", "GB"), FunctionAppHost.Start), CancellationToken.None));
        app.Publisher.Unavailable = false;

        await app.Function<DrainOutboxesFunction>().DrainOutboxes(new TimerInfo(), CancellationToken.None);

        Assert.Equal(packedOrder, app.Publisher.Single<OrderPacked>(MessageNames.OrderPacked).OrderId);
        Assert.Equal(shippedOrder, app.Publisher.Single<CreateShipment>(MessageNames.CreateShipment).OrderId);
    }

    [Fact]
    public void DrainOutboxes_Schedule_ComesFromTheAppSettingWhoseSampleValueIsEveryMinute()
    {
        var trigger = typeof(DrainOutboxesFunction).GetMethod(nameof(DrainOutboxesFunction.DrainOutboxes))!
            .GetParameters().Select(p => p.GetCustomAttributes(typeof(TimerTriggerAttribute), false).OfType<TimerTriggerAttribute>().SingleOrDefault()).Single(a => a is not null)!;

        Assert.Equal($"%{AppSettings.OutboxDrainSchedule}%", trigger.Schedule);
        Assert.Equal(AppSettings.DefaultOutboxDrainSchedule, FunctionAppHost.SampleSettings()[AppSettings.OutboxDrainSchedule]);
    }
}
