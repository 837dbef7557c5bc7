using Azure.Data.Tables;
using Fulfilment.Storage;
using Fulfilment.Tests.Support;

namespace Fulfilment.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class EntityGroupTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public void Validate_MoreThan100Operations_Throws()
    {
        var actions = Enumerable.Range(0, 101).Select(i => Upsert("p", i)).ToArray();

        var error = Assert.Throws<ArgumentException>(() => EntityGroupTransaction.Validate(actions));

        Assert.Contains("at most 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_TwoPartitions_ThrowsAndWritesNothing()
    {
        var table = await azurite.NewTables().CreateIfNotExistsAsync("Probe", CancellationToken.None);
        TableTransactionAction[] actions = [Upsert("a", 1), Upsert("b", 2)];

        await Assert.ThrowsAsync<ArgumentException>(() => EntityGroupTransaction.SubmitAsync(table, actions, CancellationToken.None));

        Assert.Empty(table.Query<TableEntity>().ToList());
    }

    [Fact]
    public async Task SubmitAsync_HundredOperationsInOnePartition_WritesAll()
    {
        var table = await azurite.NewTables().CreateIfNotExistsAsync("Probe", CancellationToken.None);
        var actions = Enumerable.Range(0, 100).Select(i => Upsert("p", i)).ToArray();

        await EntityGroupTransaction.SubmitAsync(table, actions, CancellationToken.None);

        Assert.Equal(100, table.Query<TableEntity>().Count());
    }

    private static TableTransactionAction Upsert(string partition, int row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
}
