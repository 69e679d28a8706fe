using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArtBot.IntegrationTests.Infrastructure;
using Azure.Data.Tables;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>The "new vote" form, hidden results, refresh, roster participation and "vote again", through /api/messages.</summary>
[Collection(BotTests.Name)]
public sealed partial class VoteFeatureTests(BotHost bot)
{
    private readonly VoteDriver _votes = new(bot);

    [Fact]
    public async Task Submitting_the_form_starts_the_vote_once_posts_its_card_and_replaces_the_form()
    {
        var formId = "form-" + Guid.NewGuid().ToString("N");
        var (status, body) = await _votes.SubmitFormAsync(formId, "Can we <b>commit</b>?", mode: "anonymous", results: "hidden", deadline: "15", activityId: "invoke-1");

        Assert.Equal(HttpStatusCode.OK, status);
        var started = VoteDriver.CardText(body);
        Assert.Contains("Confidence vote started", started, StringComparison.Ordinal);
        Assert.Contains("Anonymous \u00b7 results hidden until close \u00b7 closes after 15 minutes", started, StringComparison.Ordinal);
        var posted = await bot.Connector.WaitForAsync(r => _votes.IsMine(r) && r.Method == "POST" && r.Cards.Any());
        var voteId = VoteDriver.VoteIdOf(Assert.Single(posted));
        Assert.Contains("Can we commit", posted[0].AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", posted[0].AllText, StringComparison.Ordinal);

        var meta = (await bot.Table("votes").GetEntityAsync<TableEntity>(voteId, "meta")).Value;
        Assert.True(meta.GetBoolean("Anonymous"));
        Assert.True(meta.GetBoolean("HideResults"));
        Assert.Equal(15, meta.GetInt32("DurationMinutes"));
        Assert.Equal(meta.GetDateTimeOffset("CreatedAt")!.Value.AddMinutes(15), meta.GetDateTimeOffset("Deadline"));
        var due = new List<TableEntity>();
        await foreach (var row in bot.Table("votedue").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"VoteId eq {voteId}")))
        {
            due.Add(row);
        }

        Assert.Single(due);

        // The same invoke redelivered, and a second click on the same form: the same vote, no second card.
        var (_, again) = await _votes.SubmitFormAsync(formId, "Can we commit?", mode: "anonymous", results: "hidden", deadline: "15", activityId: "invoke-1");
        var (_, click) = await _votes.SubmitFormAsync(formId, "Can we commit?", mode: "anonymous", results: "hidden", deadline: "15");
        Assert.Contains("Confidence vote started", VoteDriver.CardText(again), StringComparison.Ordinal);
        Assert.Contains("Confidence vote started", VoteDriver.CardText(click), StringComparison.Ordinal);
        Assert.Single(bot.Connector.Requests, r => _votes.IsMine(r) && r.Method == "POST" && r.Cards.Any());
    }

    [Theory]
    [InlineData("", "none", "InvalidQuestion", "Please add a question")]
    [InlineData("<i></i>   ", "none", "InvalidQuestion", "Please add a question")]
    [InlineData("LONG", "none", "InvalidQuestion", "keep it to 500")]
    [InlineData("Fine question?", "7", "InvalidOptions", "options")]
    public async Task A_bad_form_gets_the_same_errors_as_the_command_and_stores_nothing(string question, string deadline, string code, string message)
    {
        var text = question == "LONG" ? new string('x', 10_000) : question;

        var (status, body) = await _votes.SubmitFormAsync("form-" + Guid.NewGuid().ToString("N"), text, deadline: deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(code, VoteDriver.ErrorCode(body));
        Assert.Contains(message, body.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.Requests, r => _votes.IsMine(r) && r.Method == "POST");
    }

    [Fact]
    public async Task Hidden_results_show_only_the_own_choice_and_the_count_until_the_vote_closes()
    {
        var voteId = await StartByFormAsync("Hidden confidence?", results: "hidden");

        await _votes.CastAsync(voteId, 4, "alice-aad", "Alice");
        var (_, view) = await _votes.CastAsync(voteId, 1, "bob-aad", "Bob");

        var text = VoteDriver.CardText(view);
        Assert.Contains("Your vote: **1 - No confidence**", text, StringComparison.Ordinal);
        Assert.Contains("2 votes so far.", text, StringComparison.Ordinal);
        AssertNoResults(text);
        var shared = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("2 votes so far.", StringComparison.Ordinal));
        AssertNoResults(shared[^1].AllText);
        Assert.Contains("results hidden until it closes", (await _votes.CommandAsync("votes")).AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("average", (await _votes.CommandAsync("votes")).AllText, StringComparison.Ordinal);

        var (_, closed) = await _votes.CloseAsync(voteId, "creator-aad", "Ceri Creator");
        var closedText = VoteDriver.CardText(closed);
        Assert.Contains("Final result: 2 votes, average 2.5", closedText, StringComparison.Ordinal);
        Assert.Contains("Alice", closedText, StringComparison.Ordinal);
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("Final result: 2 votes, average 2.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_card_refreshes_for_the_creator_and_latest_voters_and_answers_each_with_their_own_view()
    {
        var (voteId, posted) = await _votes.StartAsync("Refresh me?");
        var refresh = Assert.Single(posted.Cards).GetProperty("refresh");
        Assert.Equal("vote.refresh", refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("Action.Execute", refresh.GetProperty("action").GetProperty("type").GetString());
        Assert.Equal(["29:creator-aad"], refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));

        await _votes.CastAsync(voteId, 4, "alice-aad", "Alice");
        var shared = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("1 vote so far", StringComparison.Ordinal));
        var userIds = shared[^1].Cards.Single().GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.Equal(["29:creator-aad", "29:alice-aad"], userIds);

        var (status, alice) = await _votes.RefreshAsync(voteId, "alice-aad", "Alice");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your vote: **4 - Confident**", VoteDriver.CardText(alice), StringComparison.Ordinal);
        var (_, carol) = await _votes.RefreshAsync(voteId, "carol-aad", "Carol");
        var carolText = VoteDriver.CardText(carol);
        Assert.DoesNotContain("Your vote", carolText, StringComparison.Ordinal);
        Assert.Equal(5, VoteDriver.Actions(carol.GetProperty("value")).Count(a => a.GetProperty("verb").GetString() == "vote.cast"));
    }

    [Fact]
    public async Task An_anonymous_card_refreshes_only_for_its_creator()
    {
        var (voteId, _) = await _votes.StartAsync("Anonymous refresh?", anonymous: true);
        await _votes.CastAsync(voteId, 2, "alice-aad", "Alice");

        var shared = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("1 vote so far", StringComparison.Ordinal));
        var userIds = shared[^1].Cards.Single().GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString());
        Assert.Equal(["29:creator-aad"], userIds);
        var (_, alice) = await _votes.RefreshAsync(voteId, "alice-aad", "Alice");
        Assert.Contains("Your vote: **2 - Not confident**", VoteDriver.CardText(alice), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Participation_is_shown_against_the_roster_and_only_named_votes_say_who_has_not_voted(bool anonymous)
    {
        bot.Connector.Answers[$"/v3/conversations/{_votes.ConversationId}/pagedmembers"] = Roster("alice", "bob", "carol", "dave");
        var (voteId, _) = await _votes.StartAsync("Roster?", anonymous);

        await _votes.CastAsync(voteId, 4, "alice-aad", "Alice");
        await _votes.CastAsync(voteId, 5, "bob-aad", "Bob");

        var shared = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("2 of 4 voted", StringComparison.Ordinal));
        var text = shared[^1].AllText;
        if (anonymous)
        {
            Assert.DoesNotContain("Not voted yet", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Carol", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Not voted yet: Carol, Dave", text, StringComparison.Ordinal);
        }

        Assert.Contains(bot.Connector.Requests, r => r.Method == "GET" && r.Path.EndsWith("/pagedmembers", StringComparison.Ordinal) && _votes.IsMine(r));
    }

    [Fact]
    public async Task Without_a_readable_roster_the_card_shows_just_the_count()
    {
        bot.Connector.FailPaths[$"/v3/conversations/{_votes.ConversationId}/pagedmembers"] = 403;
        var (voteId, _) = await _votes.StartAsync("No roster?");

        var (status, _) = await _votes.CastAsync(voteId, 3, "alice-aad", "Alice");

        Assert.Equal(HttpStatusCode.OK, status);
        var shared = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("1 vote so far", StringComparison.Ordinal));
        Assert.DoesNotMatch(OfVoted(), shared[^1].AllText);
    }

    [Fact]
    public async Task Vote_again_starts_one_linked_round_with_the_same_options_for_the_creator_only()
    {
        var voteId = await StartByFormAsync("Round trip?", mode: "anonymous", deadline: "30");
        await _votes.CastAsync(voteId, 2, "alice-aad", "Alice");
        var (_, open) = await _votes.InvokeAsync("vote.again", new JsonObject { ["voteId"] = voteId }, "creator-aad", "Ceri Creator");
        Assert.Equal("VoteOpen", VoteDriver.ErrorCode(open));
        var (_, closed) = await _votes.CloseAsync(voteId, "creator-aad", "Ceri Creator");
        Assert.Contains(VoteDriver.Actions(closed.GetProperty("value")), a => a.GetProperty("verb").GetString() == "vote.again" && a.GetProperty("title").GetString() == "Vote again");

        var (_, refused) = await _votes.InvokeAsync("vote.again", new JsonObject { ["voteId"] = voteId }, "alice-aad", "Alice");
        Assert.Equal("NotCreator", VoteDriver.ErrorCode(refused));

        var before = bot.Connector.Requests.Count(r => _votes.IsMine(r) && r.Method == "POST" && r.Cards.Any());
        var (_, again) = await _votes.InvokeAsync("vote.again", new JsonObject { ["voteId"] = voteId }, "creator-aad", "Ceri Creator");
        Assert.Contains("Round 2 started", VoteDriver.CardText(again), StringComparison.Ordinal);
        var posted = await bot.Connector.WaitForAsync(r => _votes.IsMine(r) && r.Method == "POST" && r.Cards.Any(), before + 1);
        var round2 = VoteDriver.VoteIdOf(posted[before]);
        Assert.NotEqual(voteId, round2);
        Assert.Contains("round 2", posted[before].AllText, StringComparison.Ordinal);

        var meta = (await bot.Table("votes").GetEntityAsync<TableEntity>(round2, "meta")).Value;
        Assert.Equal(2, meta.GetInt32("Round"));
        Assert.Equal(voteId, meta.GetString("PreviousVoteId"));
        Assert.True(meta.GetBoolean("Anonymous"));
        Assert.Equal(30, meta.GetInt32("DurationMinutes"));
        Assert.Equal("Round trip?", meta.GetString("Question"));

        var (_, twice) = await _votes.InvokeAsync("vote.again", new JsonObject { ["voteId"] = voteId }, "creator-aad", "Ceri Creator");
        Assert.Contains("Round 2 was already started", VoteDriver.CardText(twice), StringComparison.Ordinal);
        Assert.Equal(before + 1, bot.Connector.Requests.Count(r => _votes.IsMine(r) && r.Method == "POST" && r.Cards.Any()));

        var listed = (await _votes.CommandAsync("votes")).AllText;
        Assert.Contains("Round 2 \u00b7 Open \u00b7 anonymous \u00b7 0 votes", listed, StringComparison.Ordinal);
        Assert.Contains("Closed", listed, StringComparison.Ordinal);
    }

    private async Task<string> StartByFormAsync(string question, string mode = "named", string results = "live", string deadline = "none")
    {
        var (_, body) = await _votes.SubmitFormAsync("form-" + Guid.NewGuid().ToString("N"), question, mode, results, deadline);
        VoteDriver.CardText(body);
        var posted = await bot.Connector.WaitForAsync(r => _votes.IsMine(r) && r.Method == "POST" && r.Cards.Any());
        return VoteDriver.VoteIdOf(posted[^1]);
    }

    private static void AssertNoResults(string text)
    {
        Assert.DoesNotContain("average", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("distribution-", text, StringComparison.Ordinal); // no distribution rows
        Assert.DoesNotContain("Who voted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", text, StringComparison.Ordinal);
        Assert.Contains("hidden until the vote closes", text, StringComparison.Ordinal);
    }

    private static string Roster(params string[] names) => new JsonObject
    {
        ["members"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject
        {
            ["id"] = "29:" + n + "-aad",
            ["aadObjectId"] = n + "-aad",
            ["name"] = char.ToUpperInvariant(n[0]) + n[1..],
        })]),
    }.ToJsonString();

    [GeneratedRegex(@"\d+ of \d+ voted")]
    private static partial Regex OfVoted();
}
