using System.ComponentModel.DataAnnotations;

namespace Fulfilment.Workflow;

/// <summary>
/// The workflow's timeouts and step retry policy (section "Workflow"), validated at start. They are copied into an
/// order's orchestration input when its instance starts (<see cref="ToSettings"/>): a change applies to orders that
/// start afterwards, never to one in flight.
/// </summary>
public sealed class WorkflowOptions : IValidatableObject
{
    /// <summary>How long Service Bus may still deliver a message (its time-to-live, infra/main.bicep), added to the longest wait.</summary>
    public static readonly TimeSpan RedeliveryHorizon = TimeSpan.FromDays(14);

    public const string Section = "Workflow";

    /// <summary>From the picking job's creation to order-packed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan PickingTimeout { get; set; } = TimeSpan.FromHours(48);

    /// <summary>From order-ready-for-shipping to shipment-created.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ShipmentCreationTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>From shipment-created to shipment-delivered.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Attempts of a forward step before the workflow compensates.</summary>
    [Range(1, 20)]
    public int StepMaxAttempts { get; set; } = 5;

    /// <summary>Attempts of a compensation step before the workflow ends in CompensationFailed.</summary>
    [Range(1, 50)]
    public int CompensationMaxAttempts { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1.0, 10.0)]
    public double BackoffCoefficient { get; set; } = 2.0;

    /// <summary>How long a finished fulfilment's Durable history is kept before <see cref="FulfilmentHistoryPurge"/> deletes it.</summary>
    [Range(typeof(TimeSpan), "45.00:00:00", "3650.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The history must outlive every timer an order can have and every redelivery of its messages.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var longest = PickingTimeout + ShipmentCreationTimeout + DeliveryTimeout + RedeliveryHorizon;
        if (HistoryRetention <= longest)
        {
            yield return new ValidationResult(
                $"HistoryRetention ({HistoryRetention}) must exceed the longest life of an order's timers and messages ({longest}).",
                [nameof(HistoryRetention)]);
        }
    }

    /// <summary>The settings an orchestration starts with.</summary>
    public WorkflowSettings ToSettings() => new(
        PickingTimeout,
        ShipmentCreationTimeout,
        DeliveryTimeout,
        new RetrySettings(StepMaxAttempts, FirstRetryInterval, BackoffCoefficient),
        new RetrySettings(CompensationMaxAttempts, FirstRetryInterval, BackoffCoefficient));
}
