using Fulfilment.Contracts;
using Fulfilment.Shipping;

namespace Fulfilment.Tests.Shipping;

/// <summary>The shipment's own rules, without storage.</summary>
public sealed class ShipmentTests
{
    private readonly Guid orderId = Guid.NewGuid();
    private readonly Guid shipmentId = Guid.NewGuid();

    [Fact]
    public void RecordCarrierAccepted_AfterCreatedCallback_KeepsCallbackValues()
    {
        var shipment = Requested();
        shipment.Apply(CarrierEvent.Of("e1", ShippingData.Created(orderId, shipmentId, "TRK-CALLBACK")), ShippingData.Now);

        var changed = shipment.RecordCarrierAccepted(shipmentId, "TRK-201", new DateOnly(2031, 1, 1), ShippingData.Now);

        Assert.False(changed);
        Assert.Equal(("TRK-CALLBACK", new DateOnly(2030, 1, 12)), (shipment.TrackingNumber, shipment.EstimatedDelivery));
    }

    [Fact]
    public void RecordCarrierAccepted_AnotherShipmentId_ChangesNothing()
    {
        var shipment = Requested();
        shipment.RecordCarrierAccepted(shipmentId, "TRK1", null, ShippingData.Now);

        var changed = shipment.RecordCarrierAccepted(Guid.NewGuid(), "TRK2", null, ShippingData.Now);

        Assert.False(changed);
        Assert.Equal(shipmentId, shipment.ShipmentId);
    }

    [Fact]
    public void Reject_AfterCreated_ReturnsNullAndStaysCreated()
    {
        var shipment = Requested();
        shipment.RecordCarrierAccepted(shipmentId, "TRK1", null, ShippingData.Now);

        var rejection = shipment.Reject(422, "late", ShippingData.Now);

        Assert.Null(rejection);
        Assert.Equal(ShipmentStatus.Created, shipment.Status);
    }

    [Fact]
    public void Apply_AfterRejected_Ignored()
    {
        var shipment = Requested();
        shipment.Reject(422, "postcode", ShippingData.Now);

        var outcome = shipment.Apply(CarrierEvent.Of("e1", ShippingData.Created(orderId, shipmentId)), ShippingData.Now);

        Assert.Equal((CarrierEventDisposition.Ignored, ShipmentStatus.Rejected), (outcome.Disposition, shipment.Status));
    }

    [Fact]
    public void Apply_FailedOnRequested_FailsAndAnnouncesFailure()
    {
        var shipment = Requested();

        var outcome = shipment.Apply(CarrierEvent.Of("e1", ShippingData.Failed(orderId, shipmentId, ShipmentFailureReason.Damaged)), ShippingData.Now);

        Assert.Equal((ShipmentStatus.Failed, ShipmentFailureReason.Damaged), (shipment.Status, shipment.FailureReason));
        Assert.Equal(MessageNames.ShipmentFailed, outcome.Message?.Name);
    }

    [Fact]
    public void BeginSending_Requested_MovesToSendingOnce()
    {
        var shipment = Requested();

        var first = shipment.BeginSending(ShippingData.Now);
        var second = shipment.BeginSending(ShippingData.Now);

        Assert.Equal((true, false, ShipmentStatus.Sending), (first, second, shipment.Status));
    }

    [Fact]
    public void CancelBeforeSending_Sending_RefusedBecauseOnlyTheCarrierCanSay()
    {
        var shipment = Requested();
        shipment.BeginSending(ShippingData.Now);

        var cancelled = shipment.CancelBeforeSending("cancelled", ShippingData.Now);

        Assert.False(cancelled);
        Assert.Equal(ShipmentStatus.Sending, shipment.Status);
    }

    [Theory]
    [InlineData(ShipmentStatus.Sending, true)]
    [InlineData(ShipmentStatus.Created, true)]
    [InlineData(ShipmentStatus.Delivered, false)]
    [InlineData(ShipmentStatus.Rejected, false)]
    public void RecordCarrierCancelled_ByStatus_CancelsOnlyBeforeTheParcelLeft(ShipmentStatus status, bool expected)
    {
        var shipment = InStatus(status);

        var cancelled = shipment.RecordCarrierCancelled("cancelled", ShippingData.Now);

        Assert.Equal((expected, expected ? ShipmentStatus.Cancelled : status), (cancelled, shipment.Status));
    }

    [Fact]
    public void RecordCarrierAccepted_Cancelled_ChangesNothing()
    {
        var shipment = Requested();
        shipment.CancelBeforeSending("cancelled", ShippingData.Now);

        var changed = shipment.RecordCarrierAccepted(shipmentId, "TRK1", null, ShippingData.Now);

        Assert.False(changed);
        Assert.Equal((ShipmentStatus.Cancelled, (Guid?)null), (shipment.Status, shipment.ShipmentId));
        Assert.Null(shipment.AnnounceCreated(ShippingData.Now));
    }

    [Fact]
    public void AnnounceCreated_AfterAcceptedWithTracking_AnnouncesOnceThenCallbackIgnored()
    {
        var shipment = Requested();
        shipment.BeginSending(ShippingData.Now);
        shipment.RecordCarrierAccepted(shipmentId, "TRK1", new DateOnly(2030, 1, 15), ShippingData.Now);

        var first = shipment.AnnounceCreated(ShippingData.Now);
        var second = shipment.AnnounceCreated(ShippingData.Now);
        var callback = shipment.Apply(CarrierEvent.Of("e1", ShippingData.Created(orderId, shipmentId, "TRK1")), ShippingData.Now);

        Assert.Equal(MessageNames.ShipmentCreated, first?.Name);
        Assert.Null(second);
        Assert.Equal(CarrierEventDisposition.Ignored, callback.Disposition);
    }

    [Fact]
    public void AnnounceCreated_AcceptedWithoutTracking_LeavesItToTheCallback()
    {
        var shipment = Requested();
        shipment.RecordCarrierAccepted(shipmentId, null, null, ShippingData.Now);

        var announced = shipment.AnnounceCreated(ShippingData.Now);
        var callback = shipment.Apply(CarrierEvent.Of("e1", ShippingData.Created(orderId, shipmentId, "TRK1")), ShippingData.Now);

        Assert.Null(announced);
        Assert.Equal((CarrierEventDisposition.Applied, MessageNames.ShipmentCreated), (callback.Disposition, callback.Message?.Name));
    }

    [Fact]
    public void AnnounceCreated_CallbackGotThereFirst_Null()
    {
        var shipment = Requested();
        shipment.Apply(CarrierEvent.Of("e1", ShippingData.Created(orderId, shipmentId, "TRK1")), ShippingData.Now);
        shipment.RecordCarrierAccepted(shipmentId, "TRK1", null, ShippingData.Now);

        var announced = shipment.AnnounceCreated(ShippingData.Now);

        Assert.Null(announced);
    }

    [Fact]
    public void RecordCancellationRefused_Twice_RecordedOnceStatusUnchanged()
    {
        var shipment = InStatus(ShipmentStatus.Created);

        var first = shipment.RecordCancellationRefused("cancelled", ShippingData.Now);
        var second = shipment.RecordCancellationRefused("cancelled", ShippingData.Now.AddMinutes(1));

        Assert.Equal((true, false, ShipmentStatus.Created, (DateTimeOffset?)ShippingData.Now), (first, second, shipment.Status, shipment.CancellationRefusedAt));
    }

    [Fact]
    public void Tombstone_IsCancelledWithItsReason()
    {
        var shipment = Shipment.Tombstone(orderId, "fake-carrier", ShippingService.Standard, "cancelled early", ShippingData.Now);

        Assert.Equal((ShipmentStatus.Cancelled, "cancelled early", (DateTimeOffset?)ShippingData.Now), (shipment.Status, shipment.CancellationReason, shipment.CancelledAt));
    }

    [Fact]
    public void Request_ZeroParcels_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipment.Request(orderId, "c", ShippingService.Standard, 0, ShippingData.Now));
    }

    private Shipment InStatus(ShipmentStatus status)
    {
        var shipment = Requested();
        shipment.BeginSending(ShippingData.Now);
        _ = status switch
        {
            ShipmentStatus.Sending => true,
            ShipmentStatus.Created => shipment.RecordCarrierAccepted(shipmentId, "TRK1", null, ShippingData.Now),
            ShipmentStatus.Delivered => shipment.Apply(CarrierEvent.Of("e1", ShippingData.Delivered(orderId, shipmentId)), ShippingData.Now) is not null,
            ShipmentStatus.Rejected => shipment.Reject(422, "postcode", ShippingData.Now) is not null,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        Assert.Equal(status, shipment.Status);
        return shipment;
    }

    private Shipment Requested() => Shipment.Request(orderId, "fake-carrier", ShippingService.Standard, 1, ShippingData.Now);
}
