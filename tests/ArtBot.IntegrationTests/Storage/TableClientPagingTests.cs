using System.Globalization;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Storage;

/// <summary>1,250 entities in one partition (inserted with 100-action transactions) plus a few in another.</summary>
public sealed class TableClientPagingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int BigPartitionCount = 1250;
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("paging"));
        await _table.CreateIfNotExistsAsync();
        for (var start = 0; start < BigPartitionCount; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, BigPartitionCount - start))
                .Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add, new TableEntity("big", i.ToString("D5", CultureInfo.InvariantCulture)) { ["N"] = i }));
            await _table.SubmitTransactionAsync(actions);
        }

        for (var i = 0; i < 3; i++)
        {
            await _table.AddEntityAsync(new TableEntity("small", i.ToString(CultureInfo.InvariantCulture)) { ["N"] = i });
        }
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task Query_follows_continuation_tokens_past_1000()
    {
        var pages = new List<int>();
        var rows = new List<string>();
        await foreach (var page in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"big"}")).AsPages())
        {
            pages.Add(page.Values.Count);
            rows.AddRange(page.Values.Select(v => v.RowKey));
        }

        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        Assert.All(pages, count => Assert.True(count <= 1000));
        Assert.Equal(BigPartitionCount, rows.Count);
        Assert.Equal(BigPartitionCount, rows.Distinct().Count());
    }

    [Fact]
    public async Task Max_per_page_limits_each_page_and_all_items_still_come()
    {
        var pages = new List<int>();
        await foreach (var page in _table.QueryAsync<TableEntity>(maxPerPage: 300).AsPages())
        {
            pages.Add(page.Values.Count);
        }

        Assert.All(pages, count => Assert.True(count <= 300));
        Assert.Equal(BigPartitionCount + 3, pages.Sum());
        Assert.True(pages.Count >= 5);
    }

    [Fact]
    public async Task Pages_can_resume_from_a_continuation_token()
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"big"}");
        string? token = null;
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: 500).AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        Assert.NotNull(token);
        var rest = 0;
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: 500).AsPages(token))
        {
            rest += page.Values.Count;
        }

        Assert.Equal(BigPartitionCount - 500, rest);
    }

    [Fact]
    public async Task Filter_on_a_typed_property_across_partitions()
    {
        var hits = await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"N lt {2}")).ToListAsync();
        Assert.Equal(4, hits.Count);
        Assert.Equal(2, hits.Count(h => h.PartitionKey == "small"));
    }
}
