using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Features.Improvements;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Storage.Improvements;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Improvements;

/// <summary>Inspect &amp; Adapt workshops through POST /api/messages with signed tokens, on Azurite.</summary>
[Collection(BotTests.Name)]
public sealed class WorkshopTests(BotHost bot)
{
    private readonly WorkshopDriver _ia = new(bot);

    [Fact]
    public async Task Inspect_start_without_an_art_posts_a_workshop_card_for_no_pi_and_stores_it()
    {
        var (workshopId, posted) = await _ia.StartAsync();

        var card = Assert.Single(posted.Cards);
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains("Inspect & Adapt \u00b7 no PI \u00b7 started by Sam Starter", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("No problems yet.", posted.AllText, StringComparison.Ordinal);
        var meta = (await bot.Table(WorkshopStore.TableName).GetEntityAsync<TableEntity>(workshopId, "meta")).Value;
        Assert.Equal(WorkshopDriver.TenantId, meta.GetString("TenantId"));
        Assert.Equal(_ia.ConversationId, meta.GetString("ConversationId"));
        Assert.Equal(3, meta.GetInt32("DotsPerPerson"));
        Assert.StartsWith("recorded-", meta.GetString("ActivityId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_workshop_while_one_is_open_is_refused_and_improve_without_a_workshop_explains()
    {
        var none = await _ia.CommandAsync("improve Builds are slow");
        Assert.Contains("No workshop is open", none.AllText, StringComparison.Ordinal);

        await _ia.StartAsync();
        var second = await _ia.CommandAsync("inspect start");

        Assert.Empty(second.Cards);
        Assert.Contains("already open", second.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspect start 0")]
    [InlineData("inspect start 11")]
    [InlineData("inspect start lots")]
    public async Task A_bad_dot_allowance_is_refused_and_nothing_is_stored(string command)
    {
        var sent = await _ia.CommandAsync(command);

        Assert.Empty(sent.Cards);
        Assert.Contains("1 to 10", sent.AllText, StringComparison.Ordinal);
        Assert.Null(await _ia.Workshops.FindLatestAsync(WorkshopDriver.TenantId, _ia.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task Problems_added_by_command_and_by_the_card_grow_the_shared_card()
    {
        var (workshopId, _) = await _ia.StartAsync();

        await _ia.CommandAsync("improve Stories wait days for the test environment");
        var (status, body) = await _ia.InvokeAsync("workshop.add", new JsonObject { ["workshopId"] = workshopId, ["problem"] = "Too many <b>meetings</b>" }, "adele-aad", "Adele");

        Assert.Equal(HttpStatusCode.OK, status);
        var view = WorkshopDriver.CardText(body);
        Assert.Contains("Stories wait days for the test environment", view, StringComparison.Ordinal);
        Assert.Contains("Too many meetings", view, StringComparison.Ordinal);
        Assert.Contains("You have **3 of 3** dots left.", view, StringComparison.Ordinal);
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _ia.IsMine(r)
            && r.AllText.Contains("Too many meetings", StringComparison.Ordinal) && r.AllText.Contains("Stories wait days", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<p></p>")]
    public async Task An_empty_problem_is_refused_and_nothing_is_stored(string text)
    {
        var (workshopId, _) = await _ia.StartAsync();

        var (_, body) = await _ia.InvokeAsync("workshop.add", new JsonObject { ["workshopId"] = workshopId, ["problem"] = text }, "adele-aad");
        var sent = await _ia.CommandAsync("improve " + text);

        Assert.Equal("InvalidProblem", WorkshopDriver.ErrorCode(body));
        Assert.Contains("describe the problem", sent.AllText, StringComparison.Ordinal);
        Assert.Empty((await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!.Problems);
    }

    [Fact]
    public async Task A_huge_problem_is_refused_and_nothing_is_stored()
    {
        var (workshopId, _) = await _ia.StartAsync();

        var (_, body) = await _ia.InvokeAsync("workshop.add", new JsonObject { ["workshopId"] = workshopId, ["problem"] = new string('x', 100_000) }, "adele-aad");
        var sent = await _ia.CommandAsync("improve " + new string('y', 5_000));

        Assert.Equal("InvalidProblem", WorkshopDriver.ErrorCode(body));
        Assert.Contains("keep it to 200", sent.AllText, StringComparison.Ordinal);
        Assert.Empty((await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!.Problems);
    }

    [Fact]
    public async Task My_dots_brings_a_participants_own_view_back_after_someone_else_voted()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, "Slow builds", "Unclear priorities");
        await _ia.DotAsync(workshopId, problems[0], "adele-aad");

        // Someone else's dot updates the shared card for everyone: no "dots left" there, but "My dots".
        await _ia.DotAsync(workshopId, problems[1], "isaiah-aad");
        var shared = (await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _ia.IsMine(r) && r.AllText.Contains("2 people voted", StringComparison.Ordinal)))[^1];
        Assert.DoesNotContain("left", shared.AllText, StringComparison.Ordinal);
        Assert.Contains("My dots", shared.AllText, StringComparison.Ordinal);

        var (_, mine) = await _ia.InvokeAsync(WorkshopCard.MineVerb, new JsonObject { ["workshopId"] = workshopId }, "adele-aad");

        var text = WorkshopDriver.CardText(mine);
        Assert.Contains("You have **2 of 3** dots left.", text, StringComparison.Ordinal);
        Assert.Contains("Take my dot back", text, StringComparison.Ordinal);
        Assert.DoesNotContain("My dots", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dots_are_spent_and_taken_back_and_the_own_view_shows_the_remaining_ones()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, "Slow builds", "Unclear priorities");

        var (_, spent) = await _ia.DotAsync(workshopId, problems[0], "adele-aad");
        var spentText = WorkshopDriver.CardText(spent);
        Assert.Contains("You have **2 of 3** dots left.", spentText, StringComparison.Ordinal);
        Assert.Contains("Take my dot back", spentText, StringComparison.Ordinal);

        var (_, back) = await _ia.DotAsync(workshopId, problems[0], "adele-aad", "takeback");
        Assert.Contains("You have **3 of 3** dots left.", WorkshopDriver.CardText(back), StringComparison.Ordinal);

        await _ia.DotAsync(workshopId, problems[1], "adele-aad");
        var state = (await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!;
        Assert.Equal([problems[1]], Assert.Single(state.Participants).ProblemIds);
    }

    [Fact]
    public async Task Voting_past_the_allowance_is_refused_and_changes_nothing()
    {
        var (workshopId, _) = await _ia.StartAsync("2");
        var problems = await _ia.AddProblemsAsync(workshopId, "A", "B", "C");

        await _ia.DotAsync(workshopId, problems[0], "adele-aad");
        await _ia.DotAsync(workshopId, problems[1], "adele-aad");
        var (status, refused) = await _ia.DotAsync(workshopId, problems[2], "adele-aad");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("NoDotsLeft", WorkshopDriver.ErrorCode(refused));
        var state = (await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!;
        Assert.Equal([problems[0], problems[1]], Assert.Single(state.Participants).ProblemIds);
    }

    [Fact]
    public async Task A_participant_clicking_ten_problems_at_once_spends_exactly_their_allowance()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, [.. Enumerable.Range(1, 10).Select(i => $"Problem {i}")]);

        var results = await Task.WhenAll(problems.Select(p => _ia.DotAsync(workshopId, p, "double-clicker-aad")));

        var codes = results.Select(r => r.Body.GetProperty("statusCode").GetInt32()).ToList();
        Assert.Equal(3, codes.Count(c => c == 200));
        Assert.Equal(7, results.Count(r => r.Body.GetProperty("statusCode").GetInt32() == 400 && WorkshopDriver.ErrorCode(r.Body) == "NoDotsLeft"));
        var state = (await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!;
        Assert.Equal(3, Assert.Single(state.Participants).ProblemIds.Count);
        Assert.Equal(3, state.Ranking.Sum(r => r.Dots));
    }

    [Fact]
    public async Task Sixty_participants_dot_voting_concurrently_are_counted_exactly_in_storage_and_on_the_shared_card()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, [.. Enumerable.Range(1, 6).Select(i => $"Problem number {i}")]);
        const int participants = 60;
        // Participant i puts dots on problems i, i+1, i+2 (mod 6) => every problem gets exactly 30 dots.
        var clicks = Enumerable.Range(0, participants)
            .SelectMany(i => Enumerable.Range(0, 3).Select(k => (User: $"participant-{i}-aad", Problem: problems[(i + k) % problems.Count])))
            .ToList();

        var results = await Task.WhenAll(clicks.Select(c => _ia.DotAsync(workshopId, c.Problem, c.User)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(results, r => WorkshopDriver.CardText(r.Body));
        var state = (await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!;
        Assert.Equal(participants, state.Participants.Count);
        Assert.All(state.Participants, p => Assert.Equal(3, p.ProblemIds.Count));
        Assert.All(state.Ranking, r => Assert.Equal(30, r.Dots));

        var activityId = (await _ia.Workshops.GetAsync(workshopId, CancellationToken.None))!.ActivityId!;
        var expected = $"Problems (6 problems, {participants} people voted)";
        static int ThirtyDotLines(RecordedRequest r) => System.Text.RegularExpressions.Regex.Count(r.AllText, "^30 dots", System.Text.RegularExpressions.RegexOptions.Multiline);
        var exact = await bot.Connector.WaitForAsync(
            r => r.Method == "PUT" && r.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal) && _ia.IsMine(r)
                && r.AllText.Contains(expected, StringComparison.Ordinal) && ThirtyDotLines(r) == 6,
            timeout: TimeSpan.FromSeconds(30));
        Assert.NotEmpty(exact);
        Assert.True(bot.Connector.Requests.Count(r => r.Method == "PUT" && _ia.IsMine(r)) < 30, "shared-card updates are coalesced");
    }

    [Fact]
    public async Task The_same_dot_invoke_delivered_twice_counts_once()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, "Flaky tests");
        var activity = bot.Payload(TeamsPayloads.CardAction, _ia.ConversationId);
        var data = new JsonObject { ["workshopId"] = workshopId, ["problemId"] = problems[0], ["op"] = "spend" };

        await _ia.InvokeAsync("workshop.dot", data, "twice-aad", activity: activity);
        await _ia.InvokeAsync("workshop.dot", (JsonObject)data.DeepClone(), "twice-aad", activity: (JsonObject)activity.DeepClone());

        var state = (await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!;
        Assert.Equal(1, state.Ranking.Single().Dots);
        Assert.Single(Assert.Single(state.Participants).ProblemIds);
    }

    [Fact]
    public async Task Closing_ranks_the_problems_creates_the_top_items_and_refuses_votes_afterwards()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, "Slow builds", "Unclear priorities", "Flaky tests");
        await _ia.DotAsync(workshopId, problems[2], "a-aad");
        await _ia.DotAsync(workshopId, problems[2], "b-aad");
        await _ia.DotAsync(workshopId, problems[1], "a-aad");

        var (_, notStarter) = await _ia.CloseAsync(workshopId, "someone-else-aad");
        Assert.Equal("NotAllowed", WorkshopDriver.ErrorCode(notStarter));

        var (_, closed) = await _ia.CloseAsync(workshopId, top: "2");
        var text = WorkshopDriver.CardText(closed);
        Assert.Contains("1. Flaky tests", text, StringComparison.Ordinal);
        Assert.Contains("2. Unclear priorities", text, StringComparison.Ordinal);
        Assert.Contains("3. Slow builds", text, StringComparison.Ordinal);
        Assert.Contains("2 improvement items were created", text, StringComparison.Ordinal);

        var items = await _ia.Improvements.ListAsync(_ia.Scope(), CancellationToken.None);
        Assert.Equal(["Flaky tests", "Unclear priorities"], items.Select(i => i.Title).Order());
        Assert.Equal(2, items.Single(i => i.Title == "Flaky tests").Dots);
        var list = await bot.Connector.WaitForAsync(r => r.Method == "POST" && _ia.IsMine(r) && r.AllText.Contains("Improvement items from the Inspect & Adapt of no PI", StringComparison.Ordinal));
        Assert.Single(list);
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _ia.IsMine(r) && r.AllText.Contains("voting closed", StringComparison.Ordinal));

        var (_, late) = await _ia.DotAsync(workshopId, problems[0], "c-aad");
        Assert.Equal("VotingClosed", WorkshopDriver.ErrorCode(late));
        var (_, lateAdd) = await _ia.InvokeAsync("workshop.add", new JsonObject { ["workshopId"] = workshopId, ["problem"] = "Late" }, "c-aad");
        Assert.Equal("VotingClosed", WorkshopDriver.ErrorCode(lateAdd));

        var (_, again) = await _ia.CloseAsync(workshopId, top: "3");
        Assert.Contains("2 improvement items were created", WorkshopDriver.CardText(again), StringComparison.Ordinal);
        Assert.Equal(2, (await _ia.Improvements.ListAsync(_ia.Scope(), CancellationToken.None)).Count);
        Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && _ia.IsMine(r) && r.AllText.Contains("Improvement items from", StringComparison.Ordinal));
        var state = (await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!;
        Assert.Equal(3, state.Ranking.Sum(r => r.Dots));
    }

    [Fact]
    public async Task Closing_with_picked_problems_makes_exactly_those_items_and_a_foreign_pick_is_refused()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, "One", "Two", "Three");

        var (_, foreign) = await _ia.CloseAsync(workshopId, pick: problems[0] + ",0123456789ab");
        Assert.Equal("UnknownProblem", WorkshopDriver.ErrorCode(foreign));
        var (_, badTop) = await _ia.CloseAsync(workshopId, top: "0");
        Assert.Equal("InvalidTop", WorkshopDriver.ErrorCode(badTop));
        Assert.False((await _ia.Workshops.GetAsync(workshopId, CancellationToken.None))!.IsClosed);

        await _ia.CloseAsync(workshopId, pick: problems[2] + "," + problems[0]);

        var items = await _ia.Improvements.ListAsync(_ia.Scope(), CancellationToken.None);
        Assert.Equal(["One", "Three"], items.Select(i => i.Title).Order());
    }

    [Theory]
    [InlineData("0123456789abcdef01234567")]
    [InlineData("not-a-workshop")]
    [InlineData("")]
    public async Task An_unknown_workshop_is_refused(string workshopId)
    {
        var (_, body) = await _ia.DotAsync(workshopId, "0123456789ab", "a-aad");

        Assert.Equal("WorkshopNotFound", WorkshopDriver.ErrorCode(body));
    }

    [Fact]
    public async Task A_workshop_of_another_tenant_or_conversation_is_refused_and_changes_nothing()
    {
        var (workshopId, _) = await _ia.StartAsync();
        var problems = await _ia.AddProblemsAsync(workshopId, "Mine only");
        var data = new JsonObject { ["workshopId"] = workshopId, ["problemId"] = problems[0], ["op"] = "spend" };

        var (_, otherTenant) = await _ia.InvokeAsync("workshop.dot", data, "a-aad", tenantId: "00000000-1111-2222-3333-444444444444");
        var (_, otherConversation) = await _ia.InvokeAsync("workshop.dot", (JsonObject)data.DeepClone(), "a-aad", conversationId: TeamsPayloads.NewConversationId("channel"));
        var (_, close) = await _ia.InvokeAsync("workshop.close", new JsonObject { ["workshopId"] = workshopId }, "starter-aad", tenantId: "00000000-1111-2222-3333-444444444444");

        Assert.Equal("WorkshopNotFound", WorkshopDriver.ErrorCode(otherTenant));
        Assert.Equal("WorkshopNotFound", WorkshopDriver.ErrorCode(otherConversation));
        Assert.Equal("WorkshopNotFound", WorkshopDriver.ErrorCode(close));
        var state = (await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!;
        Assert.Empty(state.Participants);
        Assert.False(state.Workshop.IsClosed);
    }

    [Theory]
    [InlineData("0123456789ab", "spend", "UnknownProblem")]
    [InlineData("../../etc", "spend", "InvalidDot")]
    [InlineData("0123456789ab", "steal", "InvalidDot")]
    public async Task A_bad_problem_or_operation_is_refused(string problemId, string op, string code)
    {
        var (workshopId, _) = await _ia.StartAsync();

        var (_, body) = await _ia.DotAsync(workshopId, problemId, "a-aad", op);

        Assert.Equal(code, WorkshopDriver.ErrorCode(body));
        Assert.Empty((await _ia.Workshops.GetStateAsync(workshopId, CancellationToken.None))!.Participants);
    }
}
