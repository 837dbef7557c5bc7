using Azure.Data.Tables;
using Fulfilment.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>Every row of the app's domain tables (each registered <see cref="TableRegistration"/>) with its ETag.</summary>
public static class TableRows
{
    /// <summary>"table/partition/row@etag", sorted: equal snapshots mean no row was written, added or deleted.</summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(this FunctionAppHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var rows = new List<string>();
        foreach (var table in app.Services.GetServices<TableRegistration>().Select(t => t.BaseName).Distinct(StringComparer.Ordinal))
        {
            await foreach (var row in app.Tables.Get(table).QueryAsync<TableEntity>())
            {
                rows.Add($"{table}/{row.PartitionKey}/{row.RowKey}@{row.ETag}");
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
