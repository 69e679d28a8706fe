using ArtBot.Features.Common;
using ArtBot.Features.Votes;
using ArtBot.IntegrationTests.Infrastructure;
using Azure.Data.Tables;
using ArtBot.Storage.Votes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>
/// Deadlines: hosts of the bot on one Azurite, all on one clock the test moves. Each vote closes exactly once, with
/// one final card update, whichever instance sweeps first, after the instance that started it is gone.
/// </summary>
[Collection(BotTests.Name)]
public sealed class VoteDeadlineTests(BotHost bot) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    [Fact]
    public async Task Two_instances_close_a_due_vote_exactly_once_with_one_final_card_update_after_a_restart()
    {
        // Started on an instance that then goes away (a restart): only the stored deadline remains.
        var (starter, starterClient) = await StartHostAsync();
        var votes = new VoteDriver(bot, starterClient);
        var (_, form) = await votes.SubmitFormAsync("form-" + Guid.NewGuid().ToString("N"), "Deadline?", deadline: "5");
        VoteDriver.CardText(form);
        var voteId = VoteDriver.VoteIdOf((await bot.Connector.WaitForAsync(r => votes.IsMine(r) && r.Method == "POST" && r.Cards.Any()))[0]);
        await starter.DisposeAsync();
        _hosts.Remove(starter);

        var (a, clientA) = await StartHostAsync();
        var (b, clientB) = await StartHostAsync();
        await votes.Through(clientA).CastAsync(voteId, 4, "alice-aad", "Alice");
        await votes.Through(clientB).CastAsync(voteId, 2, "bob-aad", "Bob");
        _clock.Advance(TimeSpan.FromSeconds(2)); // the coalesced live card updates run (and nothing is due yet)
        await WaitAsync(() => Updater(a).IsIdle && Updater(b).IsIdle);
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && votes.IsMine(r) && r.AllText.Contains("2 votes so far", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Connector.Requests, r => votes.IsMine(r) && r.AllText.Contains("Final result", StringComparison.Ordinal));

        var sweepers = new[] { Sweeper(a), Sweeper(b) };
        var before = sweepers.Select(s => s.Sweeps).ToArray();
        _clock.Advance(TimeSpan.FromMinutes(6)); // both instances sweep at the same moment
        await WaitAsync(() => sweepers[0].Sweeps > before[0] && sweepers[1].Sweeps > before[1]);
        _clock.Advance(TimeSpan.FromMinutes(2)); // and once more each: nothing left to do
        await WaitAsync(() => sweepers[0].Sweeps > before[0] + 1 && sweepers[1].Sweeps > before[1] + 1);

        Assert.Equal(1, sweepers.Sum(s => s.Closed));
        var finals = bot.Connector.Requests.Where(r => r.Method == "PUT" && votes.IsMine(r) && r.AllText.Contains("Final result", StringComparison.Ordinal)).ToList();
        var final = Assert.Single(finals);
        Assert.Contains("Final result: 2 votes, average 3.0", final.AllText, StringComparison.Ordinal);
        Assert.Equal(finals[0], bot.Connector.Requests.Last(r => r.Method == "PUT" && votes.IsMine(r)));
        var meta = (await bot.Table("votes").GetEntityAsync<TableEntity>(voteId, "meta")).Value;
        Assert.NotNull(meta.GetDateTimeOffset("ClosedAt"));
        Assert.Equal(2, meta.GetInt32("FinalCount"));
        Assert.Empty(await DueRowsAsync(voteId));

        var (_, late) = await votes.Through(clientA).CastAsync(voteId, 5, "carol-aad", "Carol");
        Assert.Equal("VoteClosed", VoteDriver.ErrorCode(late));
    }

    [Fact]
    public async Task A_close_whose_instance_died_half_way_is_finished_by_a_later_sweep()
    {
        var (host, client) = await StartHostAsync();
        var votes = new VoteDriver(bot, client);
        var (_, form) = await votes.SubmitFormAsync("form-" + Guid.NewGuid().ToString("N"), "Half closed?", deadline: "5");
        VoteDriver.CardText(form);
        var voteId = VoteDriver.VoteIdOf((await bot.Connector.WaitForAsync(r => votes.IsMine(r) && r.Method == "POST" && r.Cards.Any()))[0]);
        await votes.CastAsync(voteId, 5, "alice-aad", "Alice");

        // Another instance marked it closed (step 1) and died before freezing the result and updating the card.
        var tables = new TableServiceClient(bot.StorageConnectionString);
        var dead = new VoteStore(tables.GetTableClient(VoteStore.TableName), tables.GetTableClient(VoteStore.IndexTableName), tables.GetTableClient(VoteStore.DueTableName));
        Assert.True(await dead.BeginCloseAsync(voteId, _clock.GetUtcNow(), CancellationToken.None));

        var sweeper = Sweeper(host);
        var before = sweeper.Sweeps;
        _clock.Advance(TimeSpan.FromMinutes(6));
        await WaitAsync(() => sweeper.Sweeps > before);

        var final = Assert.Single(bot.Connector.Requests, r => r.Method == "PUT" && votes.IsMine(r) && r.AllText.Contains("Final result", StringComparison.Ordinal));
        Assert.Contains("Final result: 1 vote, average 5.0", final.AllText, StringComparison.Ordinal);
        Assert.Equal(0, sweeper.Closed);
        Assert.Empty(await DueRowsAsync(voteId));
    }

    [Fact]
    public async Task A_second_start_of_the_same_form_leaves_no_second_close_behind()
    {
        var (host, client) = await StartHostAsync();
        var votes = new VoteDriver(bot, client);
        var formId = "form-" + Guid.NewGuid().ToString("N");
        await votes.SubmitFormAsync(formId, "Twice started?", deadline: "5");
        _clock.Advance(TimeSpan.FromSeconds(3)); // a second click on the same form computes a later deadline for the same vote
        await votes.SubmitFormAsync(formId, "Twice started?", deadline: "5");
        var voteId = VoteDriver.VoteIdOf(Assert.Single(bot.Connector.Requests, r => votes.IsMine(r) && r.Method == "POST" && r.Cards.Any()));
        Assert.Equal(2, (await DueRowsAsync(voteId)).Count);

        var sweeper = Sweeper(host);
        var before = sweeper.Sweeps;
        _clock.Advance(TimeSpan.FromMinutes(6));
        await WaitAsync(() => sweeper.Sweeps > before + 2 && Updater(host).IsIdle);

        Assert.Equal(1, sweeper.Closed);
        Assert.Single(bot.Connector.Requests, r => r.Method == "PUT" && votes.IsMine(r) && r.AllText.Contains("Closed without votes.", StringComparison.Ordinal));
        Assert.Empty(await DueRowsAsync(voteId));
    }

    private async Task<(WebApplicationFactory<Program> Host, HttpClient Client)> StartHostAsync()
    {
        var host = bot.AnotherInstance(new Dictionary<string, string?> { ["Votes:SweepInterval"] = "00:00:10" }).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        }));
        _hosts.Add(host);
        var client = host.CreateClient();
        await BotHost.WaitUntilReadyAsync(client);
        return (host, client);
    }

    private static SharedCardUpdater Updater(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<SharedCardUpdater>();

    private static VoteDeadlineSweeper Sweeper(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<VoteDeadlineSweeper>();

    private async Task<List<TableEntity>> DueRowsAsync(string voteId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in bot.Table(VoteStore.DueTableName).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"VoteId eq {voteId}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, moving the clock a sweep interval each time (a sweep that
    /// just finished parks on its next delay, which only a later move of the clock ends).</summary>
    private async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the sweep.");
            await Task.Delay(50);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
