using System.Globalization;
using ArtBot.Features.Common;
using ArtBot.Features.Votes;
using ArtBot.IntegrationTests.Infrastructure;
using Azure.Data.Tables;
using ArtBot.Storage.Votes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>
/// Deadlines: hosts of the bot on one Azurite, all on one clock the test moves. Each vote closes exactly once, with
/// one final card update, whichever instance sweeps first, after the instance that started it is gone.
/// </summary>
[Collection(BotTests.Name)]
public sealed class VoteDeadlineTests(BotHost bot) : IAsyncLifetime
{
    /// <summary>
    /// Longer than the 5-minute deadlines: one move of the clock by it is one sweep of every instance, past the deadline.
    /// Short enough that the two moves stay before the 15-minute deadlines other tests of the collection leave behind.
    /// </summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(6);

    private readonly TimerCountingTimeProvider _clock = new(DateTimeOffset.UtcNow);
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
        await RunCardUpdatesAsync(a, b); // the coalesced live card updates (nothing is due yet)
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && votes.IsMine(r) && r.AllText.Contains("2 votes so far", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Connector.Requests, r => votes.IsMine(r) && r.AllText.Contains("Final result", StringComparison.Ordinal));

        var sweepers = new[] { Sweeper(a), Sweeper(b) };
        _clock.Advance(SweepInterval); // both instances sweep at the same moment, past the deadline
        await Task.WhenAll(sweepers.Select(s => s.WhenSweptAsync(1))).WithinDeadline("both instances swept");
        _clock.Advance(SweepInterval); // and once more each: nothing left to do
        await Task.WhenAll(sweepers.Select(s => s.WhenSweptAsync(2))).WithinDeadline("both instances swept again");

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
        await RunCardUpdatesAsync(host);

        // Another instance marked it closed (step 1) and died before freezing the result and updating the card.
        var tables = new TableServiceClient(bot.StorageConnectionString);
        var dead = new VoteStore(tables.GetTableClient(VoteStore.TableName), tables.GetTableClient(VoteStore.IndexTableName), tables.GetTableClient(VoteStore.DueTableName));
        Assert.True(await dead.BeginCloseAsync(voteId, _clock.GetUtcNow(), CancellationToken.None));

        var sweeper = Sweeper(host);
        _clock.Advance(SweepInterval); // longer after the close began than RepairAfter: the sweep finishes it
        await sweeper.WhenSweptAsync(1).WithinDeadline("the sweep");

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
        _clock.Advance(SweepInterval);
        await sweeper.WhenSweptAsync(1).WithinDeadline("the sweep");

        Assert.Equal(1, sweeper.Closed);
        Assert.Single(bot.Connector.Requests, r => r.Method == "PUT" && votes.IsMine(r) && r.AllText.Contains("Closed without votes.", StringComparison.Ordinal));
        Assert.Empty(await DueRowsAsync(voteId));
    }

    private async Task<(WebApplicationFactory<Program> Host, HttpClient Client)> StartHostAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Votes:SweepInterval"] = SweepInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Sync:SchedulerEnabled"] = "false", // no sync ticks of other tests' ARTs on this clock
        };
        var host = bot.AnotherInstance(settings).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        }));
        _hosts.Add(host);
        var client = host.CreateClient();
        await BotHost.WaitUntilReadyAsync(host);
        await Sweeper(host).WhenSweptAsync(0).WithinDeadline("the sweeper waits for its first sweep");
        return (host, client);
    }

    /// <summary>Runs the coalesced card updates the ballots asked for on <paramref name="hosts"/>, one each, once all wait for their delay.</summary>
    private async Task RunCardUpdatesAsync(params WebApplicationFactory<Program>[] hosts)
    {
        await _clock.WhenTimersDueInAsync(SharedVoteCardUpdater.Delay, hosts.Length).WithinDeadline("every card update waits for its delay");
        _clock.Advance(SharedVoteCardUpdater.Delay);
        await Task.WhenAll(hosts.Select(h => Updater(h).WhenIdleAsync())).WithinDeadline("the card updates ran");
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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
