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
    public void Request_ZeroParcels_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipment.Request(orderId, "c", ShippingService.Standard, 0, ShippingData.Now));
    }

    private Shipment Requested() => Shipment.Request(orderId, "fake-carrier", ShippingService.Standard, 1, ShippingData.Now);
}
