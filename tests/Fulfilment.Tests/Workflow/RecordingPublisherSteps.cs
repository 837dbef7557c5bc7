using Fulfilment.Tests.Support;
using Fulfilment.Workflow;

namespace Fulfilment.Tests.Workflow;

/// <summary>The real publishing steps over one <see cref="RecordingPublisher"/>.</summary>
internal sealed class RecordingPublisherSteps(RecordingPublisher publisher)
{
    public RecordingPublisher Publisher { get; } = publisher;

    public PublishFulfilmentFailedStep Failed { get; } = new(publisher);

    public PublishFulfilmentCancelledStep Cancelled { get; } = new(publisher);

    public PublishCancellationRefusedStep Refused { get; } = new(publisher);
}
