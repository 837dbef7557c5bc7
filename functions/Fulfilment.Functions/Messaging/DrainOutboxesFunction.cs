using Fulfilment.Configuration;
using Fulfilment.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Messaging;

/// <summary>
/// The outbox drain, on the schedule of the <c>OutboxDrainSchedule</c> app setting (every minute by default):
/// publishes what a handler wrote to an outbox but did not publish (<see cref="OutboxDrain"/>). Overlapping runs are
/// safe (MessageIds are deterministic); a failed run is the next one's work.
/// </summary>
public sealed class DrainOutboxesFunction(OutboxDrain drain)
{
    [Function(nameof(DrainOutboxes))]
    public async Task DrainOutboxes([TimerTrigger($"%{AppSettings.OutboxDrainSchedule}%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await drain.RunAsync(cancellationToken).ConfigureAwait(false);
}
