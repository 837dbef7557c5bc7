using System.Text.Json.Serialization;

namespace Fulfilment.Contracts;

/// <summary>Why a reservation is released (release-inventory.reason).</summary>
public enum ReleaseReason
{
    [JsonStringEnumMemberName("CHECKOUT_FAILED")] CheckoutFailed,
    [JsonStringEnumMemberName("ORDER_CANCELLED")] OrderCancelled,
    [JsonStringEnumMemberName("EXPIRED")] Expired,
}

/// <summary>Why ordering cancelled an order (order-cancelled.reason).</summary>
public enum CancellationReason
{
    [JsonStringEnumMemberName("CUSTOMER_REQUESTED")] CustomerRequested,
    [JsonStringEnumMemberName("PAYMENT_FAILED")] PaymentFailed,
    [JsonStringEnumMemberName("OUT_OF_STOCK")] OutOfStock,
    [JsonStringEnumMemberName("FRAUD")] Fraud,
}

/// <summary>The carrier service level (create-shipment.service, order-completed.service).</summary>
public enum ShippingService
{
    [JsonStringEnumMemberName("STANDARD")] Standard,
    [JsonStringEnumMemberName("EXPRESS")] Express,
    [JsonStringEnumMemberName("NEXT_DAY")] NextDay,
}

/// <summary>Why a shipment failed (shipment-failed.reason).</summary>
public enum ShipmentFailureReason
{
    [JsonStringEnumMemberName("FAILED_DELIVERY")] FailedDelivery,
    [JsonStringEnumMemberName("LOST")] Lost,
    [JsonStringEnumMemberName("DAMAGED")] Damaged,
    [JsonStringEnumMemberName("RETURNED_TO_SENDER")] ReturnedToSender,
}
