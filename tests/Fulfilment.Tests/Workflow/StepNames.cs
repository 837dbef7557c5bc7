using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>The step names as the runtime records them, short enough to list a whole path in one assertion.</summary>
internal static class StepNames
{
    public const string Link = nameof(LinkReservationStep);
    public const string CreateJob = nameof(CreatePickingJobStep);
    public const string CancelJob = nameof(CancelPickingJobStep);
    public const string Ready = nameof(PublishReadyForShippingStep);
    public const string Consume = nameof(ConsumeReservationStep);
    public const string Release = nameof(ReleaseReservationStep);
    public const string Failed = nameof(PublishFulfilmentFailedStep);
    public const string Cancelled = nameof(PublishFulfilmentCancelledStep);
    public const string Refused = nameof(PublishCancellationRefusedStep);
}
