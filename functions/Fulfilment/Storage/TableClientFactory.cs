using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Fulfilment.Storage;

/// <summary>
/// Hands out table clients with the configured prefix and creates tables idempotently. Each context names its
/// own tables; only that context's store asks for them.
/// </summary>
public sealed class TableClientFactory(TableServiceClient service, IOptions<StorageOptions> options)
{
    public TableClient Get(string baseName) =>
        service.GetTableClient(TableNames.Qualify(options.Value.TablePrefix, baseName));

    public async Task<TableClient> CreateIfNotExistsAsync(string baseName, CancellationToken cancellationToken)
    {
        var table = Get(baseName);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return table;
    }
}
