using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Features.Votes;
using ArtBot.IntegrationTests.Infrastructure;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>Confidence votes through POST /api/messages with signed tokens, on Azurite.</summary>
[Collection(BotTests.Name)]
public sealed class VoteTests(BotHost bot)
{
    private readonly VoteDriver _votes = new(bot);

    [Fact]
    public async Task Vote_in_a_channel_posts_a_card_with_five_buttons_and_stores_the_vote()
    {
        var (voteId, posted) = await _votes.StartAsync("How confident are we in our PI objectives?");

        Assert.Equal("POST", posted.Method);
        Assert.EndsWith("/activities", posted.Path, StringComparison.Ordinal);
        var card = Assert.Single(posted.Cards);
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var actions = AllActions(card).ToList();
        var casts = actions.Where(a => a.GetProperty("verb").GetString() == "vote.cast").ToList();
        Assert.Equal(["5", "4", "3", "2", "1"], casts.Select(a => a.GetProperty("title").GetString()![..1]));
        Assert.All(casts, a => Assert.Equal("Action.Execute", a.GetProperty("type").GetString()));
        Assert.Contains(actions, a => a.GetProperty("verb").GetString() == "vote.close" && a.GetProperty("title").GetString() == "Yes, close the vote");
        Assert.Contains("How confident are we in our PI objectives?", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("No votes yet.", posted.AllText, StringComparison.Ordinal);

        var meta = (await bot.Table("votes").GetEntityAsync<TableEntity>(voteId, "meta")).Value;
        Assert.Equal(VoteDriver.TenantId, meta.GetString("TenantId"));
        Assert.Equal(_votes.ConversationId, meta.GetString("ConversationId"));
        Assert.Equal("creator-aad", meta.GetString("CreatorId"));
        Assert.StartsWith("recorded-", meta.GetString("ActivityId"), StringComparison.Ordinal);
        Assert.False(meta.GetBoolean("Anonymous"));
    }

    [Fact]
    public async Task Vote_in_a_personal_chat_posts_a_card()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        activity["text"] = "vote Can we commit?";
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        await bot.PostAsync(activity);

        var sent = (await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal)))[0];
        Assert.Contains("Can we commit?", sent.AllText, StringComparison.Ordinal);
        Assert.Contains(AllActions(Assert.Single(sent.Cards)), a => a.GetProperty("verb").GetString() == "vote.cast");
    }

    [Theory]
    [InlineData("vote", "named")]
    [InlineData("vote anonymous", "anonymous")]
    public async Task Vote_without_a_question_answers_with_the_new_vote_form_and_stores_nothing(string command, string mode)
    {
        var sent = await _votes.CommandAsync(command);

        var card = Assert.Single(sent.Cards);
        Assert.Contains("New confidence vote", sent.AllText, StringComparison.Ordinal);
        var inputs = card.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("id", out _)).ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal("Input.Text", inputs["question"].GetProperty("type").GetString());
        Assert.Equal(mode, inputs["mode"].GetProperty("value").GetString());
        Assert.Equal("live", inputs["results"].GetProperty("value").GetString());
        Assert.Equal("none", inputs["deadline"].GetProperty("value").GetString());
        Assert.Equal("vote.start", AllActions(card).Single().GetProperty("verb").GetString());
        Assert.Empty(await QueryIndexAsync());
    }

    [Fact]
    public async Task A_question_of_ten_thousand_characters_is_refused_and_nothing_is_stored()
    {
        var sent = await _votes.CommandAsync("vote " + new string('x', 10_000));

        Assert.Empty(sent.Cards);
        Assert.Contains("keep it to 500", sent.AllText, StringComparison.Ordinal);
        Assert.Empty(await QueryIndexAsync());
    }

    [Fact]
    public async Task Markdown_and_html_in_the_question_are_shown_as_plain_text()
    {
        var (_, posted) = await _votes.StartAsync("<b>Bold</b> **claim** [link](https://evil.example)");

        var text = posted.AllText;
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.Contains(@"\*\*claim\*\*", text, StringComparison.Ordinal);
        Assert.Contains(@"\[link\]\(https://evil.example\)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Casting_answers_with_the_voters_view_and_changing_the_ballot_replaces_it()
    {
        var (voteId, _) = await _votes.StartAsync("Ready?");

        var (status, first) = await _votes.CastAsync(voteId, 4, "alice-aad", "Alice");
        Assert.Equal(HttpStatusCode.OK, status);
        var firstText = VoteDriver.CardText(first);
        Assert.Contains("Your vote: **4 - Confident**", firstText, StringComparison.Ordinal);
        Assert.Contains("1 vote so far, average 4.0", firstText, StringComparison.Ordinal);
        Assert.Contains("4 - Confident \u2713", firstText, StringComparison.Ordinal);

        await _votes.CastAsync(voteId, 2, "bob-aad", "Bob");
        var (_, changed) = await _votes.CastAsync(voteId, 5, "alice-aad", "Alice");
        var changedText = VoteDriver.CardText(changed);
        Assert.Contains("Your vote: **5 - Very confident**", changedText, StringComparison.Ordinal);
        Assert.Contains("2 votes so far, average 3.5", changedText, StringComparison.Ordinal);
        Assert.Contains("Alice", changedText, StringComparison.Ordinal); // named vote: who voted what

        var ballots = await QueryBallotsAsync(voteId);
        Assert.Equal(2, ballots.Count);
        Assert.Equal([2, 5], ballots.Select(b => b.GetInt32("Value")!.Value).Order());
    }

    [Fact]
    public async Task The_same_invoke_delivered_twice_counts_once()
    {
        var (voteId, _) = await _votes.StartAsync("Twice?");
        var activity = bot.Payload(TeamsPayloads.CardAction, _votes.ConversationId);
        activity["from"] = new JsonObject { ["id"] = "29:dup", ["name"] = "Dup", ["aadObjectId"] = "dup-aad" };
        activity["value"]!["action"]!["data"] = new JsonObject { ["voteId"] = voteId, ["value"] = 3 };

        await bot.PostAsync(activity);
        await bot.PostAsync(activity);

        Assert.Single(await QueryBallotsAsync(voteId));
    }

    [Fact]
    public async Task One_hundred_twenty_five_concurrent_voters_give_an_exact_tally_on_the_shared_card()
    {
        var (voteId, _) = await _votes.StartAsync("PI 7 confidence");
        const int voters = 125;
        var values = Enumerable.Range(0, voters).Select(i => i < 100 ? i % 5 + 1 : 4).ToArray(); // sum 380, average 3.04 -> 3.0
        var expectedAverage = Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

        var results = await Task.WhenAll(values.Select((value, i) => _votes.CastAsync(voteId, value, $"voter-{i}-aad", $"Voter {i}")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(results, r => VoteDriver.CardText(r.Body));
        var stored = await QueryBallotsAsync(voteId);
        Assert.Equal(voters, stored.Count);
        Assert.Equal(values.Sum(), stored.Sum(b => b.GetInt32("Value")!.Value));

        var activityId = (await bot.Table("votes").GetEntityAsync<TableEntity>(voteId, "meta")).Value.GetString("ActivityId")!;
        var expected = $"{voters} votes so far, average {expectedAverage}";
        var updates = await bot.Connector.WaitForAsync(
            r => r.Method == "PUT" && r.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal) && _votes.IsMine(r) && r.AllText.Contains(expected, StringComparison.Ordinal),
            timeout: TimeSpan.FromSeconds(20));
        Assert.NotEmpty(updates);
        var allUpdates = bot.Connector.Requests.Where(r => r.Method == "PUT" && _votes.IsMine(r)).ToList();
        Assert.True(allUpdates.Count < 20, $"Coalescing expected, saw {allUpdates.Count} updates for {voters} ballots");
        Assert.Contains(expected, allUpdates[^1].AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_vote_stores_no_voter_id_or_name_and_shows_no_names()
    {
        var (voteId, posted) = await _votes.StartAsync("Anonymous confidence?", anonymous: true);
        Assert.Contains("Anonymous", posted.AllText, StringComparison.Ordinal);

        var (_, view) = await _votes.CastAsync(voteId, 2, "secret-person-aad", "Secret Person");
        await _votes.CastAsync(voteId, 5, "other-person-aad", "Other Person");
        var viewText = VoteDriver.CardText(view);
        Assert.Contains("Your vote: **2 - Not confident**", viewText, StringComparison.Ordinal);
        Assert.Contains("voice your concern", viewText, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Person", viewText, StringComparison.Ordinal);

        var rows = new List<TableEntity>();
        await foreach (var row in bot.Table("votes").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {voteId}")))
        {
            rows.Add(row);
        }

        Assert.Equal(3, rows.Count);
        var everything = string.Join("\n", rows.SelectMany(r => r.Select(p => $"{p.Key}={p.Value}").Append(r.RowKey)));
        foreach (var secret in new[] { "secret-person", "Secret Person", "other-person", "Other Person", "29:secret", "29:other" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        var ballots = rows.Where(r => r.RowKey != "meta").ToList();
        Assert.All(ballots, b => Assert.Equal(["Value"], b.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order()));

        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("2 votes so far", StringComparison.Ordinal));
        Assert.All(bot.Connector.Requests.Where(_votes.IsMine), r => Assert.DoesNotContain("Secret Person", r.AllText, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("3.5")]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("[4]")]
    public async Task A_value_outside_one_to_five_or_not_a_number_is_refused_and_changes_nothing(string valueJson)
    {
        var (voteId, _) = await _votes.StartAsync("Values?");
        var data = new JsonObject { ["voteId"] = voteId, ["value"] = JsonNode.Parse(valueJson) };

        var (status, body) = await _votes.InvokeAsync("vote.cast", data, "alice-aad");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("InvalidValue", VoteDriver.ErrorCode(body));
        Assert.Empty(await QueryBallotsAsync(voteId));
    }

    [Fact]
    public async Task A_quoted_number_from_a_card_input_is_accepted()
    {
        var (voteId, _) = await _votes.StartAsync("Strings?");

        var (_, body) = await _votes.InvokeAsync("vote.cast", new JsonObject { ["voteId"] = voteId, ["value"] = "3" }, "alice-aad");

        Assert.Contains("Your vote: **3", VoteDriver.CardText(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789abcdef01234567")]
    [InlineData("not-a-vote-id")]
    [InlineData("")]
    public async Task An_unknown_vote_is_refused(string voteId)
    {
        var (status, body) = await _votes.CastAsync(voteId, 4, "alice-aad");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("VoteNotFound", VoteDriver.ErrorCode(body));
    }

    [Fact]
    public async Task A_vote_id_from_another_conversation_is_refused_and_changes_nothing()
    {
        var (voteId, _) = await _votes.StartAsync("Mine only?");
        var data = new JsonObject { ["voteId"] = voteId, ["value"] = 4 };

        var (_, body) = await _votes.InvokeAsync("vote.cast", data, "alice-aad", conversationId: TeamsPayloads.NewConversationId("channel"));

        Assert.Equal("VoteNotFound", VoteDriver.ErrorCode(body));
        Assert.Empty(await QueryBallotsAsync(voteId));
    }

    [Fact]
    public async Task A_vote_id_from_another_tenant_is_refused_and_changes_nothing()
    {
        var (voteId, _) = await _votes.StartAsync("Tenant only?");
        var data = new JsonObject { ["voteId"] = voteId, ["value"] = 4 };

        var (_, body) = await _votes.InvokeAsync("vote.cast", data, "alice-aad", tenantId: "00000000-1111-2222-3333-444444444444");

        Assert.Equal("VoteNotFound", VoteDriver.ErrorCode(body));
        Assert.Empty(await QueryBallotsAsync(voteId));
    }

    [Fact]
    public async Task An_unknown_verb_is_refused()
    {
        var (_, body) = await _votes.InvokeAsync("vote.explode", new JsonObject(), "alice-aad");

        Assert.Equal("NotSupported", VoteDriver.ErrorCode(body));
    }

    [Fact]
    public async Task Only_the_creator_can_close_and_a_closed_vote_refuses_ballots()
    {
        var (voteId, _) = await _votes.StartAsync("Close me?");
        await _votes.CastAsync(voteId, 2, "alice-aad", "Alice");
        await _votes.CastAsync(voteId, 3, "bob-aad", "Bob");

        var (_, refused) = await _votes.CloseAsync(voteId, "alice-aad", "Alice");
        Assert.Equal("NotCreator", VoteDriver.ErrorCode(refused));
        Assert.Contains("Ceri Creator", refused.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        var meta = (await bot.Table("votes").GetEntityAsync<TableEntity>(voteId, "meta")).Value;
        Assert.Null(meta.GetDateTimeOffset("ClosedAt"));

        var (_, closed) = await _votes.CloseAsync(voteId, "creator-aad", "Ceri Creator");
        var closedText = VoteDriver.CardText(closed);
        Assert.Contains("Final result: 2 votes, average 2.5", closedText, StringComparison.Ordinal);
        Assert.Contains("Rework the plan and vote again", closedText, StringComparison.Ordinal);
        Assert.Equal(["vote.again"], AllActions(closed.GetProperty("value")).Select(a => a.GetProperty("verb").GetString()));

        var (_, late) = await _votes.CastAsync(voteId, 5, "carol-aad", "Carol");
        Assert.Equal("VoteClosed", VoteDriver.ErrorCode(late));
        Assert.Equal(2, (await QueryBallotsAsync(voteId)).Count);

        var activityId = (await bot.Table("votes").GetEntityAsync<TableEntity>(voteId, "meta")).Value.GetString("ActivityId")!;
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith(activityId, StringComparison.Ordinal)
            && r.AllText.Contains("Final result: 2 votes, average 2.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Votes_lists_the_conversations_votes_with_averages_and_outcomes()
    {
        var (first, _) = await _votes.StartAsync("First question");
        await _votes.CastAsync(first, 4, "alice-aad");
        await _votes.CastAsync(first, 3, "bob-aad");
        await _votes.CloseAsync(first, "creator-aad");
        var (second, _) = await _votes.StartAsync("Second question", anonymous: true);
        await _votes.CastAsync(second, 1, "alice-aad");

        var listed = await _votes.CommandAsync("votes");

        var text = listed.AllText;
        Assert.Contains("First question", text, StringComparison.Ordinal);
        Assert.Contains("2 votes \u00b7 average 3.5 \u00b7 Commitment accepted", text, StringComparison.Ordinal);
        Assert.Contains("Open \u00b7 anonymous \u00b7 1 vote \u00b7 average 1.0 so far", text, StringComparison.Ordinal); // no verdict while open
        var open = Assert.Single(VoteDriver.Actions(Assert.Single(listed.Cards)), a => a.TryGetProperty("title", out var title) && title.GetString() == "Open to vote");
        Assert.Equal(VoteCard.RefreshVerb, open.GetProperty("verb").GetString()); // answers with the person's own view of the vote
        Assert.True(text.IndexOf("Second question", StringComparison.Ordinal) < text.IndexOf("First question", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task A_voters_own_view_survives_another_vote_through_my_vote_and_the_concern_can_still_be_sent()
    {
        var (voteId, _) = await _votes.StartAsync("Are we confident?");
        var (_, own) = await _votes.CastAsync(voteId, 1, "worried-aad", "Worried Person");
        Assert.Contains("Send concern", VoteDriver.CardText(own), StringComparison.Ordinal);

        // Someone else votes: the channel's card is updated for everyone, and the worried voter's own view is gone.
        await _votes.CastAsync(voteId, 5, "happy-aad", "Happy Person");
        var shared = (await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("2 votes so far", StringComparison.Ordinal)))[^1];
        Assert.DoesNotContain("Send concern", shared.AllText, StringComparison.Ordinal);
        var myVote = VoteDriver.Actions(Assert.Single(shared.Cards)).Single(a => a.TryGetProperty("title", out var title) && title.GetString() == "My vote");
        Assert.Equal(VoteCard.RefreshVerb, myVote.GetProperty("verb").GetString());

        // "My vote" brings it back, with the concern box, however many have voted since.
        var (_, back) = await _votes.InvokeAsync(VoteCard.RefreshVerb, new JsonObject { ["voteId"] = voteId }, "worried-aad", "Worried Person");
        var backText = VoteDriver.CardText(back);
        Assert.Contains("Your vote: **1 - No confidence**", backText, StringComparison.Ordinal);
        Assert.Contains("Send concern", backText, StringComparison.Ordinal);
        var (_, other) = await _votes.InvokeAsync(VoteCard.RefreshVerb, new JsonObject { ["voteId"] = voteId }, "happy-aad", "Happy Person");
        Assert.DoesNotContain("Send concern", VoteDriver.CardText(other), StringComparison.Ordinal); // each sees their own
        var (_, sent) = await _votes.InvokeAsync(VoteCard.ConcernVerb, new JsonObject { ["voteId"] = voteId, ["concern"] = "Too many dependencies" }, "worried-aad", "Worried Person");
        Assert.Contains("your concern was recorded", VoteDriver.CardText(sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_low_voter_can_voice_an_anonymous_concern_that_the_closed_card_lists()
    {
        var (voteId, _) = await _votes.StartAsync("Concerns?", anonymous: true);
        var (_, view) = await _votes.CastAsync(voteId, 1, "worried-aad", "Worried Person");
        var input = view.GetProperty("value").GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Input.Text");
        Assert.Equal("concern", input.GetProperty("id").GetString());

        var (_, empty) = await _votes.InvokeAsync("vote.concern", new JsonObject { ["voteId"] = voteId, ["concern"] = "  " }, "worried-aad", "Worried Person");
        Assert.Equal("InvalidConcern", VoteDriver.ErrorCode(empty));

        var (_, thanked) = await _votes.InvokeAsync(
            "vote.concern", new JsonObject { ["voteId"] = voteId, ["concern"] = "The API team is overloaded" }, "worried-aad", "Worried Person");
        var thankedText = VoteDriver.CardText(thanked);
        Assert.Contains("your concern was recorded", thankedText, StringComparison.Ordinal);
        Assert.Contains("1 concern raised", thankedText, StringComparison.Ordinal);

        var rows = new List<TableEntity>();
        await foreach (var row in bot.Table("votes").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {voteId} and RowKey ge {"concern-"} and RowKey lt {"concern."}")))
        {
            rows.Add(row);
        }

        var concern = Assert.Single(rows);
        Assert.Equal("The API team is overloaded", concern.GetString("Text"));
        Assert.Null(concern.GetString("AuthorName"));

        var (_, closed) = await _votes.CloseAsync(voteId, "creator-aad", "Ceri Creator");
        var closedText = VoteDriver.CardText(closed);
        Assert.Contains("- The API team is overloaded", closedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Worried Person", closedText, StringComparison.Ordinal);
    }

    private async Task<List<TableEntity>> QueryBallotsAsync(string voteId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in bot.Table("votes").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {voteId} and RowKey ne {"meta"}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<List<TableEntity>> QueryIndexAsync()
    {
        var partition = ArtBot.Storage.Votes.VoteStore.IndexPartitionKey(VoteDriver.TenantId, _votes.ConversationId);
        var rows = new List<TableEntity>();
        await foreach (var row in bot.Table("voteindex").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static IEnumerable<JsonElement> AllActions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("verb", out _) => [element],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllActions(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllActions),
        _ => [],
    };
}
