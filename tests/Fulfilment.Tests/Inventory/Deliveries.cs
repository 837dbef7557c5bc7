using Azure;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Storage;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// What Service Bus does with a handler that throws a transient failure: it delivers the message again. Storage
/// conflicts that outlast the bounded retry, injected 503s and lost responses are transient.
/// </summary>
internal static class Deliveries
{
    public const int MaxDeliveryCount = 10;

    public static async Task<ReserveResult> DeliverAsync(InventoryHarness inventory, ReserveInventory command)
    {
        for (var delivery = 1; ; delivery++)
        {
            try
            {
                return await inventory.Reserve.HandleAsync(command, CancellationToken.None);
            }
            catch (Exception e) when (IsTransient(e) && delivery < MaxDeliveryCount)
            {
                // redelivered
            }
        }
    }

    public static bool IsTransient(Exception e) =>
        e is TimeoutException || (e is RequestFailedException r && (ConcurrencyRetry.IsConflict(r) || r.Status >= 500));
}
