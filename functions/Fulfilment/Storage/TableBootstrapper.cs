using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Storage;

/// <summary>Creates every registered table at start, idempotently (CreateIfNotExists).</summary>
public sealed partial class TableBootstrapper(
    TableClientFactory tables,
    IEnumerable<TableRegistration> registrations,
    ILogger<TableBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations.DistinctBy(r => r.BaseName))
        {
            var table = await tables.CreateIfNotExistsAsync(registration.BaseName, cancellationToken).ConfigureAwait(false);
            LogTableReady(registration.Context, table.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Table {TableName} of {Context} is ready")]
    private partial void LogTableReady(string context, string tableName);
}
