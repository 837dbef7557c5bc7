using Azure;

namespace Fulfilment.Sandbox.Host;

/// <summary>
/// What a real client of an HTTP endpoint does when the endpoint answers 500 because storage failed transiently:
/// try again. The scripted actors (picking floor, carrier, the expiry and outbox timers) call the handlers through this.
/// </summary>
public static class ClientRetry
{
    private const int MaxAttempts = 10;

    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A storage failure or timeout; or several at once (the outbox drain reports each outbox's failure).</summary>
    private static bool IsTransient(Exception e) =>
        e is RequestFailedException or TimeoutException
        || (e is AggregateException aggregate && aggregate.InnerExceptions.All(IsTransient));
}
