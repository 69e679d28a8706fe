using ArtBot.Features.Impediments;
using System.Text.Json.Nodes;
using ArtBot.Domain.Impediments;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Storage.Impediments;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Impediments;

/// <summary>The impediment commands through POST /api/messages with signed tokens, on Azurite.</summary>
[Collection(BotTests.Name)]
public sealed class ImpedimentCommandTests(BotHost bot)
{
    private readonly ImpedimentDriver _team = new(bot);

    [Fact]
    public async Task Impediment_in_a_channel_posts_its_card_and_stores_it_with_history_and_card_id()
    {
        var (id, posted) = await _team.RaiseAsync("Test environment down since Monday. Ops ticket INC-4711 is unassigned.");

        Assert.EndsWith("/activities", posted.Path, StringComparison.Ordinal);
        Assert.Contains(";messageid=", posted.Path, StringComparison.Ordinal); // into the thread it was raised in
        var card = Assert.Single(posted.Cards);
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains("Test environment down since Monday.", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Open, not ROAMed yet", posted.AllText, StringComparison.Ordinal);

        var stored = (await _team.GetAsync(id))!; // the command's turn recorded the posted card before it was answered
        Assert.Equal(ImpedimentKind.Impediment, stored.Kind);
        Assert.Equal(_team.TeamId, stored.ScopeId);
        Assert.Equal(_team.ChannelId, stored.ConversationId);
        Assert.Equal("alex-aad", stored.RaisedBy.Id);
        Assert.Equal(ImpedimentSourceKind.Command, stored.Source.Kind);
        Assert.Null(stored.ArtId);
        Assert.StartsWith("recorded-", stored.ActivityId, StringComparison.Ordinal);
        Assert.Equal("raised it", Assert.Single(stored.History).What);
    }

    [Fact]
    public async Task Blocked_in_a_personal_chat_raises_one_for_the_chat()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        activity["text"] = "blocked Waiting for the security review";
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        await bot.PostAsync(activity);

        var sent = (await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal)))[0];
        Assert.Contains("Waiting for the security review", sent.AllText, StringComparison.Ordinal);
        var list = await _team.Store.ListAsync(ImpedimentDriver.TenantId, conversationId, new ImpedimentQuery(null), 10, CancellationToken.None);
        Assert.Equal("Waiting for the security review", Assert.Single(list.Items).Title);
    }

    [Fact]
    public async Task The_same_command_delivered_twice_raises_one_impediment_and_posts_one_card()
    {
        var activity = bot.Payload(TeamsPayloads.ChannelMention, _team.ChannelId);
        activity["channelData"]!["team"] = new System.Text.Json.Nodes.JsonObject { ["id"] = _team.TeamId };
        activity["text"] = "<at>ArtBot</at> impediment Twice delivered";

        await bot.PostAsync(activity);
        await bot.PostAsync(activity);
        await bot.Connector.WaitForAsync(r => _team.IsMine(r) && r.Method == "POST");

        Assert.Equal(1, (await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Total);
        Assert.Single(bot.Connector.Requests, r => _team.IsMine(r) && r.Method == "POST");
    }

    [Theory]
    [InlineData("impediment")]
    [InlineData("blocked   ")]
    public async Task Empty_text_answers_with_the_raise_form_and_raising_from_it_keeps_the_severity_chosen_once(string command)
    {
        var sent = await _team.CommandAsync(command);

        var form = Assert.Single(sent.Cards);
        Assert.Contains(Votes.VoteDriver.Actions(form), a => a.GetProperty("verb").GetString() == ImpedimentCard.RaiseVerb);
        Assert.Contains("Severity", sent.AllText, StringComparison.Ordinal);
        Assert.Equal(0, (await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Total);

        var (_, refused) = await _team.ActAsync(ImpedimentCard.RaiseVerb, new JsonObject { ["title"] = "  ", ["severity"] = "high" });
        Assert.Contains(ImpedimentCard.RaiseVerb, refused.GetRawText(), StringComparison.Ordinal); // the form again, with the reason
        Assert.Equal(0, (await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Total);

        var data = new JsonObject { ["title"] = "Test environment down", ["description"] = "Since Monday", ["kind"] = "impediment", ["severity"] = "critical" };
        var (_, raised) = await _team.ActAsync(ImpedimentCard.RaiseVerb, data);
        var (_, again) = await _team.ActAsync(ImpedimentCard.RaiseVerb, data.DeepClone().AsObject());

        Assert.Contains("Test environment down", ImpedimentDriver.CardText(raised), StringComparison.Ordinal);
        Assert.Contains("already", ImpedimentDriver.CardText(again), StringComparison.Ordinal);
        var stored = Assert.Single((await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Items);
        Assert.Equal(Severity.Critical, stored.Severity);
        Assert.Equal("Since Monday", stored.Description);
        await bot.Connector.WaitForAsync(r => _team.IsMine(r) && r.Method == "POST" && r.AllText.Contains("Test environment down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_thousand_characters_are_refused_and_nothing_is_stored()
    {
        var sent = await _team.CommandAsync("impediment " + new string('x', 50_000));

        Assert.Empty(sent.Cards);
        Assert.Contains("keep it to 4000", sent.AllText, StringComparison.Ordinal);
        Assert.Equal(0, (await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Total);
    }

    [Fact]
    public async Task Html_and_script_in_the_text_are_stored_and_shown_as_plain_text()
    {
        var (id, posted) = await _team.RaiseAsync("<b>Bold</b> <script>alert(1)</script>**claim**");

        Assert.DoesNotContain("<script>", posted.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", posted.AllText, StringComparison.Ordinal);
        Assert.Contains(@"Bold \*\*claim\*\*", posted.AllText, StringComparison.Ordinal);
        Assert.Equal("Bold **claim**", (await _team.GetAsync(id))!.Title);
    }

    [Fact]
    public async Task A_listed_impediment_is_ROAMed_from_the_list_and_a_long_list_pages_with_the_count_of_what_is_not_shown()
    {
        var ids = new List<string>();
        for (var i = 1; i <= ImpedimentCommands.PageSize + 2; i++)
        {
            ids.Add((await _team.RaiseAsync($"Blocker number {i:D2}")).Id);
        }

        var first = await _team.CommandAsync("impediments");
        Assert.Contains($"Items 1–{ImpedimentCommands.PageSize} of {ImpedimentCommands.PageSize + 2}", first.AllText, StringComparison.Ordinal);
        Assert.Contains("... and 2 more.", first.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Blocker number 16", first.AllText, StringComparison.Ordinal);
        var next = Assert.Single(Votes.VoteDriver.Actions(Assert.Single(first.Cards)), a => a.GetProperty("title").GetString() == "Next 2");

        var (_, second) = await _team.ActAsync(ImpedimentCommands.PageVerb, JsonNode.Parse(next.GetProperty("data").GetRawText())!.AsObject());
        var text = ImpedimentDriver.CardText(second);
        Assert.Contains($"Items {ImpedimentCommands.PageSize + 1}–{ImpedimentCommands.PageSize + 2} of {ImpedimentCommands.PageSize + 2}", text, StringComparison.Ordinal);
        Assert.Contains("Blocker number 17", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Blocker number 01", text, StringComparison.Ordinal);
        Assert.Contains("Previous", text, StringComparison.Ordinal);

        // ROAM where it is listed: the list line's own input, named after the impediment.
        var (_, roamed) = await _team.ActAsync(ImpedimentCard.RoamVerb, new JsonObject { ["impedimentId"] = ids[0], ["roam-" + ids[0]] = "mitigated" });
        Assert.Contains("Mitigated", ImpedimentDriver.CardText(roamed), StringComparison.Ordinal);
        Assert.Equal(RoamStatus.Mitigated, (await _team.GetAsync(ids[0]))!.Roam);
    }

    [Fact]
    public async Task A_listed_impediment_can_be_opened_and_taken_over_where_it_is_listed()
    {
        var (id, _) = await _team.RaiseAsync("Flaky integration environment");
        var list = await _team.CommandAsync("impediments");
        var actions = Votes.VoteDriver.Actions(Assert.Single(list.Cards))
            .Where(a => a.GetProperty("data").GetProperty("impedimentId").GetString() == id)
            .Select(a => (a.GetProperty("title").GetString(), a.GetProperty("verb").GetString())).ToList();
        Assert.Equal([("Open", "impediment.show"), ("Take ownership", "impediment.take"), ("Set ROAM status", "impediment.roam")], actions);

        var (_, opened) = await _team.ActAsync("impediment.show", id, "megan-aad", "Megan Bowen");
        Assert.Contains("Flaky integration environment", ImpedimentDriver.CardText(opened), StringComparison.Ordinal);
        Assert.Contains("A post in this conversation", ImpedimentDriver.CardText(opened), StringComparison.Ordinal); // where it came from, in people's words
        var (_, taken) = await _team.ActAsync("impediment.take", id, "megan-aad", "Megan Bowen");
        Assert.Contains("You own this now.", ImpedimentDriver.CardText(taken), StringComparison.Ordinal);
        Assert.DoesNotContain("Take ownership", ImpedimentDriver.CardText(taken), StringComparison.Ordinal); // not offered to its owner

        var again = await _team.CommandAsync("impediments");
        Assert.DoesNotContain(Votes.VoteDriver.Actions(Assert.Single(again.Cards)), a => a.GetProperty("data").GetProperty("impedimentId").GetString() == id
            && a.GetProperty("verb").GetString() == "impediment.take"); // owned now: nothing to take over
        var (_, other) = await _team.ActAsync("impediment.show", "0123456789abcdef01234567", "megan-aad", "Megan Bowen");
        Assert.Equal("ImpedimentNotFound", ImpedimentDriver.ErrorCode(other));
    }

    [Fact]
    public async Task Lists_show_open_ones_oldest_first_mine_all_and_risks()
    {
        var (first, _) = await _team.RaiseAsync("First blocker");
        var (second, _) = await _team.RaiseAsync("Second blocker", "megan-aad", "Megan Bowen");
        var (third, _) = await _team.RaiseAsync("Third blocker");
        await _team.ActAsync("impediment.resolve", new System.Text.Json.Nodes.JsonObject { ["impedimentId"] = third, ["note"] = "done" });

        var open = await _team.CommandAsync("impediments");
        var text = open.AllText;
        Assert.Contains("Open impediments of this team", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("First blocker", StringComparison.Ordinal) < text.IndexOf("Second blocker", StringComparison.Ordinal));
        Assert.DoesNotContain("Third blocker", text, StringComparison.Ordinal);
        Assert.Contains("no owner", text, StringComparison.Ordinal);
        Assert.Contains("open just now", text, StringComparison.Ordinal);

        var mine = (await _team.CommandAsync("impediments mine", "megan-aad", "Megan Bowen")).AllText;
        Assert.Contains("Second blocker", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("First blocker", mine, StringComparison.Ordinal);

        var all = (await _team.CommandAsync("impediments all")).AllText;
        Assert.Contains("Third blocker", all, StringComparison.Ordinal);
        Assert.Contains("resolved after", all, StringComparison.Ordinal);

        var risks = (await _team.CommandAsync("risks")).AllText;
        Assert.Contains("No risks here", risks, StringComparison.Ordinal);

        var wrong = await _team.CommandAsync("impediments everything");
        Assert.Contains("impediments mine", wrong.AllText, StringComparison.Ordinal);
        Assert.NotNull(await _team.GetAsync(first));
        Assert.NotNull(await _team.GetAsync(second));
    }

    [Fact]
    public async Task Stored_rows_use_encoded_team_partition_and_a_history_row_per_change()
    {
        var (id, _) = await _team.RaiseAsync("Rows");
        await _team.ActAsync("impediment.take", id);

        var partition = ImpedimentStore.PartitionKey(ImpedimentDriver.TenantId, _team.TeamId);
        var rows = new List<TableEntity>();
        await foreach (var row in bot.Table(ImpedimentStore.TableName).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        Assert.Contains(rows, r => r.RowKey == "i-" + id);
        Assert.Contains(rows, r => r.RowKey == ImpedimentStore.HistoryRowKey(id, 1) && r.GetString("What") == "raised it");
        Assert.Contains(rows, r => r.RowKey == ImpedimentStore.HistoryRowKey(id, 2) && r.GetString("What") == "took ownership");
    }
}
