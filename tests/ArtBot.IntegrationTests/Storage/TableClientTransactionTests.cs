using Azure.Data.Tables;
using ArtBot.Tests.Shared;
using Azure;

namespace ArtBot.IntegrationTests.Storage;

public sealed class TableClientTransactionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("tx"));
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task Every_action_type_succeeds_in_one_transaction()
    {
        await _table.AddEntityAsync(new TableEntity("ok", "merge") { ["A"] = 1, ["Keep"] = "k" });
        await _table.AddEntityAsync(new TableEntity("ok", "replace") { ["A"] = 1, ["Drop"] = "d" });
        await _table.AddEntityAsync(new TableEntity("ok", "delete"));
        var current = (await _table.GetEntityAsync<TableEntity>("ok", "merge")).Value;

        var result = await _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("ok", "add") { ["A"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("ok", "merge") { ["A"] = 2 }, current.ETag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("ok", "replace") { ["A"] = 2 }),
            new(TableTransactionActionType.Delete, new TableEntity("ok", "delete")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("ok", "upsert1") { ["A"] = 2 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("ok", "upsert2") { ["A"] = 2 }),
        ]);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(6, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.NotNull(result.Value[0].Headers.ETag);

        var merged = (await _table.GetEntityAsync<TableEntity>("ok", "merge")).Value;
        Assert.Equal(2, merged.GetInt32("A"));
        Assert.Equal("k", merged.GetString("Keep"));
        Assert.False((await _table.GetEntityAsync<TableEntity>("ok", "replace")).Value.ContainsKey("Drop"));
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("ok", "delete")).HasValue);
        Assert.True((await _table.GetEntityIfExistsAsync<TableEntity>("ok", "upsert2")).HasValue);
    }

    [Fact]
    public async Task A_failing_action_rolls_back_all_and_names_its_index()
    {
        await _table.AddEntityAsync(new TableEntity("fail", "exists"));

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("fail", "new1")),
            new(TableTransactionActionType.Add, new TableEntity("fail", "new2")),
            new(TableTransactionActionType.Add, new TableEntity("fail", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("fail", "new3")),
        ]));

        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.Equal(2, e.FailedTransactionActionIndex);
        Assert.IsAssignableFrom<RequestFailedException>(e);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("fail", "new1")).HasValue);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("fail", "new3")).HasValue);
    }

    [Fact]
    public async Task A_stale_ETag_in_a_transaction_fails_with_412()
    {
        await _table.AddEntityAsync(new TableEntity("stale", "a") { ["N"] = 1 });
        var stale = (await _table.GetEntityAsync<TableEntity>("stale", "a")).Value.ETag;
        await _table.UpsertEntityAsync(new TableEntity("stale", "a") { ["N"] = 2 });

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("stale", "b")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("stale", "a") { ["N"] = 3 }, stale),
        ]));

        Assert.Equal(412, e.Status);
        Assert.Equal(1, e.FailedTransactionActionIndex);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("stale", "b")).HasValue);
    }

    [Fact]
    public async Task Transactions_on_keys_with_quotes_and_percent_work()
    {
        var result = await _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity("it's 100%", "a'b") { ["N"] = 1 }),
            new(TableTransactionActionType.Add, new TableEntity("it's 100%", "c:d@e;f") { ["N"] = 2 }),
        ]);
        Assert.Equal(2, result.Value.Count);
        await _table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Delete, new TableEntity("it's 100%", "a'b"))]);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("it's 100%", "a'b")).HasValue);
        Assert.True((await _table.GetEntityIfExistsAsync<TableEntity>("it's 100%", "c:d@e;f")).HasValue);
    }

    [Fact]
    public async Task Exactly_100_actions_are_accepted()
    {
        var result = await _table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("hundred", $"r{i:D3}"))));
        Assert.Equal(100, result.Value.Count);
    }
}
