using Fulfilment.Messaging;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.CrashBoundaries;

/// <summary>
/// A publisher that records like <see cref="RecordingPublisher"/> and, after the next successful publish, runs
/// <see cref="Then"/> once: e.g. a <see cref="TableOutage"/> for the write that follows, which is what a process that
/// stops right after publishing leaves behind.
/// </summary>
internal sealed class PublishThenCrash(RecordingPublisher recorder) : IMessagePublisher
{
    private Action? then;

    public Action? Then
    {
        get => Volatile.Read(ref then);
        set => Volatile.Write(ref then, value);
    }

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        await recorder.PublishAsync(message, cancellationToken);
        Interlocked.Exchange(ref then, null)?.Invoke();
    }
}
