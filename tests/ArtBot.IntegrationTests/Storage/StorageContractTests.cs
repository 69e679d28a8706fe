using System.Net;
using System.Net.Sockets;
using ArtBot.Storage;
using ArtBot.Tests.Shared;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.IntegrationTests.Storage;

/// <summary>
/// What ArtBot's stores rely on from Table Storage, through the clients as the bot configures them
/// (<see cref="StorageClientOptions"/>) and the stores' shared write (<see cref="HistoryTransactions"/>): storage that
/// does not answer is <see cref="StorageUnavailableException"/>; every answer, errors included, reaches the stores with
/// the status they act on; a change and its history are stored together or not at all. How the SDK serializes, pages or
/// batches is its own business: the stores' tests show what ArtBot makes of it.
/// </summary>
public sealed class StorageContractTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = new TableServiceClient(azurite.ConnectionString, StorageClientOptions.Create()).GetTableClient(AzuriteFixture.NewTableName("contract"));
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task Storage_that_refuses_connections_is_unavailable_after_the_retry()
    {
        var gone = new TableServiceClient(Azurite.DevConnectionString(ClosedPort()), StorageClientOptions.Create()).GetTableClient("gone");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => gone.GetEntityIfExistsAsync<TableEntity>("p", "r"));
    }

    [Fact]
    public async Task Answers_reach_the_stores_with_the_status_they_act_on()
    {
        await _table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });
        var stale = (await _table.GetEntityAsync<TableEntity>("p", "r")).Value.ETag;
        await _table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, stale, TableUpdateMode.Replace);

        var redelivered = await Assert.ThrowsAsync<RequestFailedException>(() => _table.AddEntityAsync(new TableEntity("p", "r")));
        var fromStaleCopy = await Assert.ThrowsAsync<RequestFailedException>(() => _table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, stale, TableUpdateMode.Replace));
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => _table.UpdateEntityAsync(new TableEntity("p", "gone"), ETag.All, TableUpdateMode.Replace));

        Assert.Equal(409, redelivered.Status);
        Assert.Equal(412, fromStaleCopy.Status);
        Assert.Equal(404, gone.Status);
        Assert.Equal(2, (await _table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("N"));
    }

    [Fact]
    public async Task A_change_is_stored_with_its_history_or_not_at_all()
    {
        Assert.True(await _table.AddWithHistoryAsync(Item("first"), History("h1"), default));
        Assert.False(await _table.AddWithHistoryAsync(Item("redelivered"), History("h1-again"), default));
        var version = (await _table.GetEntityAsync<TableEntity>("p", "item")).Value.ETag.ToString();

        var (withTakenHistory, _) = await _table.ReplaceWithHistoryAsync(Item("second"), version, [History("h2"), History("h1")], default);
        var (stored, etag) = await _table.ReplaceWithHistoryAsync(Item("second"), version, [History("h2")], default);
        var (fromStaleCopy, _) = await _table.ReplaceWithHistoryAsync(Item("third"), version, [History("h3")], default);

        Assert.False(withTakenHistory);
        Assert.True(stored);
        Assert.False(fromStaleCopy);
        var item = (await _table.GetEntityAsync<TableEntity>("p", "item")).Value;
        Assert.Equal("second", item.GetString("Text"));
        Assert.Equal(etag, item.ETag);
        var history = await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and RowKey ge {"h"} and RowKey lt {"i"}")).ToListAsync();
        Assert.Equal(["h1", "h2"], history.Select(h => h.RowKey));
    }

    private static TableEntity Item(string text) => new("p", "item") { ["Text"] = text };

    private static TableEntity History(string rowKey) => new("p", rowKey) { ["What"] = rowKey };

    /// <summary>A loopback port nothing listens on (connections are refused).</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
