using System.Globalization;
using System.Net;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;
using ArtBot.IntegrationTests.Infrastructure;
using Azure.Data.Tables;
using ArtBot.Storage.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>
/// Ballots that arrive while a vote closes: never lost silently, never counted after the final tally, and the shared
/// card always ends on the exact final state.
/// </summary>
[Collection(BotTests.Name)]
public sealed class VoteCloseRaceTests(BotHost bot)
{
    private readonly VoteDriver _votes = new(bot);

    /// <summary>Another instance of the bot, sharing only the storage.</summary>
    private readonly VoteStore _otherInstance = OtherInstance(bot);

    [Fact]
    public async Task A_ballot_written_after_the_close_was_marked_but_before_the_result_froze_is_counted_and_the_voter_told()
    {
        var (voteId, _) = await _votes.StartAsync("Race one?");
        await _votes.CastAsync(voteId, 4, "alice-aad", "Alice"); // this instance now caches the vote as open
        Assert.True(await _otherInstance.BeginCloseAsync(voteId, DateTimeOffset.UtcNow, CancellationToken.None));

        var (status, body) = await _votes.CastAsync(voteId, 5, "bob-aad", "Bob");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = VoteDriver.CardText(body);
        Assert.Contains("it was counted in the final result", text, StringComparison.Ordinal);
        Assert.Contains("Final result: 2 votes, average 4.5", text, StringComparison.Ordinal);
        var final = await _otherInstance.FinishCloseAsync(voteId, CancellationToken.None); // the closer finishing later
        Assert.Equal(2, final.Final!.Tally.Count);
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("Final result: 2 votes, average 4.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ballot_written_after_the_result_froze_is_not_counted_and_the_voter_is_told_so()
    {
        var (voteId, _) = await _votes.StartAsync("Race two?");
        await _votes.CastAsync(voteId, 4, "alice-aad", "Alice");
        Assert.True(await _otherInstance.BeginCloseAsync(voteId, DateTimeOffset.UtcNow, CancellationToken.None));
        await _otherInstance.FinishCloseAsync(voteId, CancellationToken.None);

        var (_, late) = await _votes.CastAsync(voteId, 1, "bob-aad", "Bob");       // new voter
        var (_, change) = await _votes.CastAsync(voteId, 1, "alice-aad", "Alice"); // now refused at once: this instance learnt it is closed

        var text = VoteDriver.CardText(late);
        Assert.Contains("was not counted", text, StringComparison.Ordinal);
        Assert.Contains("Final result: 1 vote, average 4.0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your vote", text, StringComparison.Ordinal);
        Assert.Equal("VoteClosed", VoteDriver.ErrorCode(change));
        var state = await _otherInstance.ReadStateAsync(voteId, CancellationToken.None);
        Assert.Equal(1, state!.Tally.Count);
        Assert.Equal(4.0, state.Tally.Average);
        Assert.DoesNotContain(state.ShownBallots, b => b.VoterName == "Bob");
        var updates = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("Final result: 1 vote, average 4.0", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("2 votes", StringComparison.Ordinal));
        Assert.NotEmpty(updates);
    }

    [Fact]
    public async Task Ballots_racing_a_close_are_each_either_counted_or_told_not_and_the_card_ends_on_the_exact_result()
    {
        var (voteId, _) = await _votes.StartAsync("Storm and close?");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _votes.CastAsync(voteId, 1 + i % 5, $"early-{i}-aad", $"Early {i}")));

        async Task<(int Value, System.Text.Json.JsonElement Body)> RaceAsync(int i)
        {
            var value = 1 + (i * 3 % 5);
            var (_, body) = await _votes.CastAsync(voteId, value, $"racer-{i}-aad", $"Racer {i}");
            return (value, body);
        }

        var racing = Enumerable.Range(0, 30).Select(RaceAsync).ToList();
        var close = _votes.CloseAsync(voteId, "creator-aad", "Ceri Creator");
        racing.AddRange(Enumerable.Range(30, 30).Select(RaceAsync));
        var answers = await Task.WhenAll(racing);
        await close;

        var counted = new List<int>(Enumerable.Range(0, 20).Select(i => 1 + i % 5));
        foreach (var (value, body) in answers)
        {
            if (body.GetProperty("type").GetString() == "application/vnd.microsoft.error")
            {
                Assert.Equal("VoteClosed", VoteDriver.ErrorCode(body)); // refused before anything was written
                continue;
            }

            var text = VoteDriver.CardText(body);
            if (!text.Contains("was not counted", StringComparison.Ordinal))
            {
                Assert.Contains($"Your vote: **{value}", text, StringComparison.Ordinal); // counted: open, or counted at the close
                counted.Add(value);
            }
        }

        var final = (await _otherInstance.ReadStateAsync(voteId, CancellationToken.None))!.Final!;
        Assert.Equal(counted.Count, final.Tally.Count);
        Assert.Equal(VoteTally.From(counted).Average, final.Tally.Average);
        Assert.Equal(VoteTally.From(counted).Distribution, final.Tally.Distribution);
        var expected = $"Final result: {counted.Count} votes, average {final.Tally.Average.ToString("0.0", CultureInfo.InvariantCulture)}";
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains(expected, StringComparison.Ordinal));
        await bot.Services.GetRequiredService<SharedCardUpdater>().WhenIdleAsync().WithinDeadline("every card update asked for has run");
        Assert.Contains(expected, bot.Connector.Requests.Last(r => r.Method == "PUT" && _votes.IsMine(r)).AllText, StringComparison.Ordinal);
    }

    private static VoteStore OtherInstance(BotHost bot)
    {
        var tables = new TableServiceClient(bot.StorageConnectionString);
        return new VoteStore(tables.GetTableClient(VoteStore.TableName), tables.GetTableClient(VoteStore.IndexTableName), tables.GetTableClient(VoteStore.DueTableName));
    }
}
