using System.Collections.Concurrent;
using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Tests.Support;

/// <summary>A hand-written fake of the messaging port that records what was published, in order.</summary>
public sealed class RecordingPublisher : IMessagePublisher
{
    private readonly ConcurrentQueue<OutgoingMessage> messages = new();

    private Exception? failNext;
    private int failures;

    /// <summary>When set, the next publish throws it once (a transient transport failure).</summary>
    public Exception? FailNextWith
    {
        get => Volatile.Read(ref failNext);
        set => Volatile.Write(ref failNext, value);
    }

    /// <summary>While true, every publish throws (the transport is down).</summary>
    public bool Unavailable { get; set; }

    /// <summary>The next <paramref name="count"/> publishes throw (a transport down for a while).</summary>
    public void FailNext(int count) => Volatile.Write(ref failures, count);

    public IReadOnlyList<OutgoingMessage> Messages => messages.ToArray();

    public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        if (Unavailable || Interlocked.Decrement(ref failures) >= 0)
        {
            throw new InvalidOperationException("Injected: the message transport is unavailable.");
        }

        var failure = Interlocked.Exchange(ref failNext, null);
        if (failure is not null)
        {
            throw failure;
        }

        messages.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<OutgoingMessage> Named(string name) => Messages.Where(m => m.Name == name).ToArray();

    public T Single<T>(string name) => ContractJson.Deserialize<T>(Assert.Single(Named(name)).Body);

    public IReadOnlyList<T> All<T>(string name) => Named(name).Select(m => ContractJson.Deserialize<T>(m.Body)).ToArray();
}
