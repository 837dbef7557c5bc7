using Azure.Core;
using Azure.Core.Pipeline;

namespace Fulfilment.Sandbox.Storage;

/// <summary>
/// An Azure SDK pipeline policy that injects transient storage faults: with the configured probability a request
/// either fails with 503 before reaching storage, or reaches storage and then its response is lost (a timeout
/// after the write happened — the hard case for idempotency). Sits after the SDK's retry policy so that what it
/// injects is seen by the caller.
/// </summary>
public sealed class StorageFaultInjector(double rate, int seed) : HttpPipelinePolicy
{
    private readonly Random random = new(seed);
    private readonly Lock gate = new();
    private long injected;

    /// <summary>Set to false to pause injection (e.g. while seeding stock or checking the invariant).</summary>
    public bool Enabled { get; set; } = true;

    public long Injected => Interlocked.Read(ref injected);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fault = NextFault();
        if (fault == Fault.BeforeSend)
        {
            Interlocked.Increment(ref injected);
            throw new Azure.RequestFailedException(503, "Injected fault: storage unavailable before the request was sent.");
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        if (fault == Fault.AfterSend)
        {
            Interlocked.Increment(ref injected);
            throw new TimeoutException("Injected fault: the request reached storage but its response was lost.");
        }
    }

    private Fault NextFault()
    {
        if (!Enabled || rate <= 0)
        {
            return Fault.None;
        }

        lock (gate)
        {
#pragma warning disable CA5394 // seeded chaos, not security
            var roll = random.NextDouble();
#pragma warning restore CA5394
            return roll >= rate ? Fault.None : roll < rate / 2 ? Fault.BeforeSend : Fault.AfterSend;
        }
    }

    private enum Fault
    {
        None,
        BeforeSend,
        AfterSend,
    }
}
