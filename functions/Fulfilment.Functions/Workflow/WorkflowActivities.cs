using Fulfilment.Contracts;
using Fulfilment.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Workflow;

/// <summary>
/// One activity per workflow step, named after the step's class (the name the orchestration calls and Durable
/// persists; <c>WorkflowRegistration.ActivityNames</c> lists the same names for the in-process engine, and a test
/// compares them). Each runs its step, an idempotent class of the core; a failure propagates to the orchestration's
/// retry policy.
/// </summary>
public sealed class WorkflowActivities(
    LinkReservationStep linkReservation,
    CreatePickingJobStep createPickingJob,
    CancelPickingJobStep cancelPickingJob,
    PublishReadyForShippingStep publishReadyForShipping,
    ConsumeReservationStep consumeReservation,
    ReleaseReservationStep releaseReservation,
    PublishFulfilmentFailedStep publishFulfilmentFailed,
    PublishFulfilmentCancelledStep publishFulfilmentCancelled,
    PublishCancellationRefusedStep publishCancellationRefused,
    CancelShipmentStep cancelShipment)
{
    [Function(nameof(LinkReservationStep))]
    public Task<LinkReservationStep.Result> LinkReservation(
        [ActivityTrigger] LinkReservationStep.Request request, CancellationToken cancellationToken) =>
        linkReservation.RunAsync(request, cancellationToken);

    [Function(nameof(CreatePickingJobStep))]
    public Task<CreatePickingJobStep.Result> CreatePickingJob(
        [ActivityTrigger] CreatePickingJobStep.Request request, CancellationToken cancellationToken) =>
        createPickingJob.RunAsync(request, cancellationToken);

    [Function(nameof(CancelPickingJobStep))]
    public Task<CancelPickingJobStep.Result> CancelPickingJob(
        [ActivityTrigger] CancelPickingJobStep.Request request, CancellationToken cancellationToken) =>
        cancelPickingJob.RunAsync(request, cancellationToken);

    [Function(nameof(PublishReadyForShippingStep))]
    public Task<PublishReadyForShippingStep.Result> PublishReadyForShipping(
        [ActivityTrigger] PublishReadyForShippingStep.Request request, CancellationToken cancellationToken) =>
        publishReadyForShipping.RunAsync(request, cancellationToken);

    [Function(nameof(ConsumeReservationStep))]
    public Task<ConsumeReservationStep.Result> ConsumeReservation(
        [ActivityTrigger] ConsumeReservationStep.Request request, CancellationToken cancellationToken) =>
        consumeReservation.RunAsync(request, cancellationToken);

    [Function(nameof(ReleaseReservationStep))]
    public Task<ReleaseReservationStep.Result> ReleaseReservation(
        [ActivityTrigger] ReleaseReservationStep.Request request, CancellationToken cancellationToken) =>
        releaseReservation.RunAsync(request, cancellationToken);

    [Function(nameof(PublishFulfilmentFailedStep))]
    public Task<PublishedMessage> PublishFulfilmentFailed(
        [ActivityTrigger] FulfilmentFailed message, CancellationToken cancellationToken) =>
        publishFulfilmentFailed.RunAsync(message, cancellationToken);

    [Function(nameof(PublishFulfilmentCancelledStep))]
    public Task<PublishedMessage> PublishFulfilmentCancelled(
        [ActivityTrigger] FulfilmentCancelled message, CancellationToken cancellationToken) =>
        publishFulfilmentCancelled.RunAsync(message, cancellationToken);

    [Function(nameof(PublishCancellationRefusedStep))]
    public Task<PublishedMessage> PublishCancellationRefused(
        [ActivityTrigger] OrderCancellationRefused message, CancellationToken cancellationToken) =>
        publishCancellationRefused.RunAsync(message, cancellationToken);

    [Function(nameof(CancelShipmentStep))]
    public Task<CancelShipmentStep.Result> CancelShipment(
        [ActivityTrigger] CancelShipmentStep.Request request, CancellationToken cancellationToken) =>
        cancelShipment.RunAsync(request, cancellationToken);
}
