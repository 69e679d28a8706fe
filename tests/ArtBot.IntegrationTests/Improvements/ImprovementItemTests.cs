using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Features.Improvements;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Storage.Improvements;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Improvements;

/// <summary>Improvement items (edits, history, lists), ART rules and the PI carry-over, through /api/messages on Azurite.</summary>
[Collection(BotTests.Name)]
public sealed class ImprovementItemTests(BotHost bot)
{
    private readonly WorkshopDriver _ia = new(bot);

    /// <summary>Runs a workshop that turns <paramref name="problems"/> into items; returns the items.</summary>
    private async Task<IReadOnlyList<ImprovementItem>> ItemsFromWorkshopAsync(string? artId = null, string starter = "starter-aad", params string[] problems)
    {
        var (workshopId, _) = await _ia.StartAsync(userAad: starter);
        var ids = await _ia.AddProblemsAsync(workshopId, problems);
        foreach (var id in ids)
        {
            await _ia.DotAsync(workshopId, id, "voter-aad");
        }

        var (_, closed) = await _ia.CloseAsync(workshopId, starter, top: problems.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WorkshopDriver.CardText(closed);
        return await _ia.Improvements.ListAsync(_ia.Scope(artId), CancellationToken.None);
    }

    private async Task<List<TableEntity>> HistoryRowsAsync(ImprovementScope scope, string itemId)
    {
        var rows = new List<TableEntity>();
        var pk = ImprovementStore.PartitionKey(scope);
        await foreach (var row in bot.Table(ImprovementStore.TableName).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {"hist-" + itemId + "-"} and RowKey lt {"hist-" + itemId + "."}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private Art NewArt(string artId, string? pi = "PI 2027.1") => new()
    {
        Id = artId,
        TenantId = WorkshopDriver.TenantId,
        Name = "Rocket ART",
        HomeConversationId = _ia.ConversationId,
        ServiceUrl = bot.Connector.ServiceUrl,
        SummaryConversationId = _ia.ConversationId,
        CurrentPi = pi is null ? null : new ProgramIncrement(pi, new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 12)),
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin"),
        Rtes = [new Person("rte-aad", "Riley RTE")],
        CreatedBy = new Person("rte-aad", "Riley RTE"),
        CreatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Status_outcome_root_cause_and_links_are_set_from_the_card_and_every_change_is_in_the_history()
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Slow builds"))[0];

        var (_, status) = await _ia.SetAsync(item.Id, "status", "proposed", new JsonObject { ["status"] = "committed" });
        var (_, outcome) = await _ia.SetAsync(item.Id, "outcome", "", new JsonObject { ["outcome"] = "Builds under **10** minutes" });
        var (_, whys) = await _ia.SetAsync(item.Id, "rootcause", "", new JsonObject { ["why1"] = "One build agent", ["why2"] = "", ["why3"] = "No budget" });
        var (_, links) = await _ia.SetAsync(item.Id, "impediments", "", new JsonObject { ["impediments"] = "imp-3, imp-7" });

        Assert.Contains("Saved.", WorkshopDriver.CardText(status), StringComparison.Ordinal);
        var last = WorkshopDriver.CardText(links);
        Assert.Contains("Committed", last, StringComparison.Ordinal);
        Assert.Contains(@"Builds under \*\*10\*\* minutes", last, StringComparison.Ordinal);
        Assert.Contains("2. Why? No budget", last, StringComparison.Ordinal);
        Assert.Contains("Eddie Editor: status: Proposed \u2192 Committed", last, StringComparison.Ordinal);
        WorkshopDriver.CardText(outcome);
        WorkshopDriver.CardText(whys);

        var stored = (await _ia.Improvements.GetAsync(_ia.Scope(), item.Id, CancellationToken.None))!;
        Assert.Equal(ImprovementStatus.Committed, stored.Status);
        Assert.Equal(["One build agent", "No budget"], stored.Whys);
        Assert.Equal(["imp-3", "imp-7"], stored.ImpedimentIds);
        var history = await _ia.Improvements.GetHistoryAsync(_ia.Scope(), item.Id, CancellationToken.None);
        Assert.Equal(["created", "status", "outcome", "rootcause", "impediments"], history.Select(h => h.Field));
        Assert.All(history.Skip(1), h => Assert.Equal(("editor-aad", "Eddie Editor"), (h.ById, h.ByName)));
    }

    [Fact]
    public async Task A_change_delivered_twice_is_stored_once()
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Twice"))[0];
        var activity = bot.Payload(Tests.Shared.TeamsPayloads.CardAction, _ia.ConversationId);
        var data = new JsonObject { ["itemId"] = item.Id, ["field"] = "status", ["seen"] = "proposed", ["status"] = "done" };

        await _ia.InvokeAsync("improvement.set", data, "editor-aad", activity: activity);
        var (_, second) = await _ia.InvokeAsync("improvement.set", (JsonObject)data.DeepClone(), "editor-aad", activity: (JsonObject)activity.DeepClone());

        WorkshopDriver.CardText(second);
        Assert.Equal(2, (await HistoryRowsAsync(_ia.Scope(), item.Id)).Count);
    }

    [Fact]
    public async Task A_change_made_from_a_stale_card_is_refused_clearly_and_the_newer_value_is_kept()
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Contested"))[0];
        await _ia.SetAsync(item.Id, "status", "proposed", new JsonObject { ["status"] = "inprogress" }, "first-aad", "First");

        var (_, stale) = await _ia.SetAsync(item.Id, "status", "proposed", new JsonObject { ["status"] = "dropped" }, "second-aad", "Second");

        var text = WorkshopDriver.CardText(stale);
        Assert.Contains("Not saved: someone changed the status meanwhile (now: In progress)", text, StringComparison.Ordinal);
        Assert.Equal(ImprovementStatus.InProgress, (await _ia.Improvements.GetAsync(_ia.Scope(), item.Id, CancellationToken.None))!.Status);
        Assert.Equal(2, (await HistoryRowsAsync(_ia.Scope(), item.Id)).Count);
    }

    [Fact]
    public async Task Concurrent_changes_to_different_fields_are_all_kept()
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Busy item"))[0];

        var results = await Task.WhenAll(
            _ia.SetAsync(item.Id, "status", "proposed", new JsonObject { ["status"] = "committed" }, "a-aad", "A"),
            _ia.SetAsync(item.Id, "outcome", "", new JsonObject { ["outcome"] = "Fewer escapes" }, "b-aad", "B"),
            _ia.SetAsync(item.Id, "impediments", "", new JsonObject { ["impediments"] = "imp-1" }, "c-aad", "C"),
            _ia.SetAsync(item.Id, "rootcause", "", new JsonObject { ["why1"] = "No tests" }, "d-aad", "D"));

        Assert.All(results, r => WorkshopDriver.CardText(r.Body));
        var stored = (await _ia.Improvements.GetAsync(_ia.Scope(), item.Id, CancellationToken.None))!;
        Assert.Equal((ImprovementStatus.Committed, "Fewer escapes", "imp-1", "No tests"), (stored.Status, stored.ExpectedOutcome, stored.ImpedimentIds.Single(), stored.Whys.Single()));
        Assert.Equal(5, (await HistoryRowsAsync(_ia.Scope(), item.Id)).Count);
    }

    [Fact]
    public async Task The_owner_must_be_a_member_of_the_conversation()
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Needs an owner"))[0];
        bot.Connector.FailPaths[$"/v3/conversations/{_ia.ConversationId}/members/29:stranger"] = 404;

        var (_, refused) = await _ia.SetAsync(item.Id, "owner", "", new JsonObject { ["owner"] = "29:stranger" });
        Assert.Equal("OwnerNotMember", WorkshopDriver.ErrorCode(refused));
        Assert.Null((await _ia.Improvements.GetAsync(_ia.Scope(), item.Id, CancellationToken.None))!.OwnerId);

        var (_, set) = await _ia.SetAsync(item.Id, "owner", "", new JsonObject { ["owner"] = "29:adele" });
        WorkshopDriver.CardText(set);
        var stored = (await _ia.Improvements.GetAsync(_ia.Scope(), item.Id, CancellationToken.None))!;
        Assert.Equal("29:adele", stored.OwnerTeamsId);
        Assert.Contains(bot.Connector.Requests, r => r.Method == "GET" && r.Path.EndsWith($"/v3/conversations/{_ia.ConversationId}/members/29:adele", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("status", "finished")]
    [InlineData("outcome", "")]
    [InlineData("rootcause", "")]
    [InlineData("impediments", "imp/1")]
    [InlineData("owner", "")]
    [InlineData("title", "x")]
    public async Task Bad_values_are_refused_and_change_nothing(string field, string value)
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Guarded"))[0];
        var inputs = new JsonObject { ["status"] = value, ["outcome"] = value, ["why1"] = value, ["impediments"] = value, ["owner"] = value };

        var (_, body) = await _ia.SetAsync(item.Id, field, null, inputs);

        Assert.StartsWith("Invalid", WorkshopDriver.ErrorCode(body), StringComparison.Ordinal);
        Assert.Single(await HistoryRowsAsync(_ia.Scope(), item.Id));
    }

    [Fact]
    public async Task A_huge_outcome_is_refused()
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Huge"))[0];

        var (_, body) = await _ia.SetAsync(item.Id, "outcome", "", new JsonObject { ["outcome"] = new string('o', 50_000) });

        Assert.Equal("InvalidOutcome", WorkshopDriver.ErrorCode(body));
        Assert.Null((await _ia.Improvements.GetAsync(_ia.Scope(), item.Id, CancellationToken.None))!.ExpectedOutcome);
    }

    [Fact]
    public async Task Unknown_items_and_items_of_another_tenant_or_conversation_are_refused()
    {
        var item = (await ItemsFromWorkshopAsync(problems: "Private"))[0];
        var data = new JsonObject { ["itemId"] = item.Id, ["field"] = "status", ["status"] = "done" };

        var (_, unknown) = await _ia.SetAsync("0123456789abcdef", "status", null, new JsonObject { ["status"] = "done" });
        var (_, malformed) = await _ia.InvokeAsync("improvement.show", new JsonObject { ["itemId"] = "../x" }, "a-aad");
        var (_, otherTenant) = await _ia.InvokeAsync("improvement.set", data, "a-aad", tenantId: "00000000-1111-2222-3333-444444444444");
        var (_, otherConversation) = await _ia.InvokeAsync("improvement.show", new JsonObject { ["itemId"] = item.Id }, "a-aad", conversationId: Tests.Shared.TeamsPayloads.NewConversationId("channel"));

        Assert.Equal("ItemNotFound", WorkshopDriver.ErrorCode(unknown));
        Assert.Equal("ItemNotFound", WorkshopDriver.ErrorCode(malformed));
        Assert.Equal("ItemNotFound", WorkshopDriver.ErrorCode(otherTenant));
        Assert.Equal("ItemNotFound", WorkshopDriver.ErrorCode(otherConversation));
        Assert.Equal(ImprovementStatus.Proposed, (await _ia.Improvements.GetAsync(_ia.Scope(), item.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Improvements_lists_the_items_with_owner_status_and_age_and_mine_lists_the_owned_ones()
    {
        var items = await ItemsFromWorkshopAsync(problems: ["Alpha problem", "Beta problem"]);
        var alpha = items.Single(i => i.Title == "Alpha problem");
        await _ia.SetAsync(alpha.Id, "owner", "", new JsonObject { ["owner"] = "29:owner-aad" });

        var all = await _ia.CommandAsync("improvements");
        var mine = await _ia.CommandAsync("improvements mine", "owner-aad", "Olive Owner");
        var none = await _ia.CommandAsync("improvements mine", "nobody-aad", "Nobody");

        Assert.Contains("Improvement items of this conversation", all.AllText, StringComparison.Ordinal);
        Assert.Contains("Alpha problem", all.AllText, StringComparison.Ordinal);
        Assert.Contains("Beta problem", all.AllText, StringComparison.Ordinal);
        Assert.Contains("Proposed \u00b7 no owner \u00b7 today", all.AllText, StringComparison.Ordinal);
        Assert.Contains("Alpha problem", mine.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta problem", mine.AllText, StringComparison.Ordinal);
        Assert.Contains("You own no improvement items here.", none.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_art_only_its_rtes_run_the_workshop_for_the_current_pi()
    {
        var artId = "art-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await bot.Services.GetRequiredService<IArtStore>().CreateAsync(NewArt(artId), CancellationToken.None));

        var refused = await _ia.CommandAsync("inspect start", "member-aad", "Mo Member");
        Assert.Contains("Only the RTEs of Rocket ART", refused.AllText, StringComparison.Ordinal);

        var (workshopId, posted) = await _ia.StartAsync(userAad: "rte-aad", userName: "Riley RTE");
        Assert.Contains("Inspect & Adapt \u00b7 PI 2027.1 \u00b7 started by Riley RTE", posted.AllText, StringComparison.Ordinal);
        var problems = await _ia.AddProblemsAsync(workshopId, "ART-wide problem");
        await _ia.DotAsync(workshopId, problems[0], "member-aad");

        var (_, notRte) = await _ia.CloseAsync(workshopId, "member-aad");
        Assert.Equal("NotAllowed", WorkshopDriver.ErrorCode(notRte));
        await _ia.CloseAsync(workshopId, "rte-aad");

        var item = Assert.Single(await _ia.Improvements.ListAsync(_ia.Scope(artId), CancellationToken.None));
        Assert.Equal("PI 2027.1", item.SourcePi);
        Assert.Empty(await _ia.Improvements.ListAsync(_ia.Scope(), CancellationToken.None));
    }

    [Fact]
    public async Task Carry_over_posts_the_open_items_reminds_owners_marks_them_and_the_next_workshop_opens_with_them()
    {
        var artId = "art-" + Guid.NewGuid().ToString("N")[..8];
        var art = NewArt(artId);
        Assert.True(await bot.Services.GetRequiredService<IArtStore>().CreateAsync(art, CancellationToken.None));
        await bot.Services.GetRequiredService<IConversationStore>().InstallAsync(new InstalledConversation
        {
            TenantId = WorkshopDriver.TenantId,
            ConversationId = _ia.ConversationId,
            ServiceUrl = bot.Connector.ServiceUrl,
            ConversationType = "channel",
            BotId = "28:" + BotHost.AppId,
        }, CancellationToken.None);
        var items = await ItemsFromWorkshopAsync(artId, "rte-aad", "Open and owned", "Finished", "Open without owner");
        var owned = items.Single(i => i.Title == "Open and owned");
        var finished = items.Single(i => i.Title == "Finished");
        await _ia.SetAsync(owned.Id, "owner", "", new JsonObject { ["owner"] = "29:olive-aad" });
        await _ia.SetAsync(owned.Id, "outcome", "", new JsonObject { ["outcome"] = "Half the wait" });
        await _ia.SetAsync(finished.Id, "status", "proposed", new JsonObject { ["status"] = "done" });
        var carryOver = bot.Services.GetRequiredService<ImprovementCarryOver>();
        var next = new ProgramIncrement("PI 2027.2", new DateOnly(2027, 3, 15), new DateOnly(2027, 5, 21));

        var result = await carryOver.OnPiChangedAsync(art, art.CurrentPi, next);

        Assert.Equal(new CarryOverResult(2, true, 1), result);
        var post = Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && r.Path.EndsWith($"/v3/conversations/{_ia.ConversationId}/activities", StringComparison.Ordinal)
            && r.AllText.Contains("carried into PI 2027.2", StringComparison.Ordinal));
        Assert.Contains("Open and owned", post.AllText, StringComparison.Ordinal);
        Assert.Contains("Open without owner", post.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Finished", post.AllText, StringComparison.Ordinal);
        Assert.Equal("29:olive-aad", post.Body!.Value.GetProperty("entities")[0].GetProperty("mentioned").GetProperty("id").GetString());
        var reminder = Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && r.AllText.Contains("Your improvement items for PI 2027.2", StringComparison.Ordinal) && r.AllText.Contains("Open and owned", StringComparison.Ordinal));
        Assert.Equal("29:olive-aad", reminder.Body!.Value.GetProperty("members")[0].GetProperty("id").GetString());
        var stored = await _ia.Improvements.ListAsync(_ia.Scope(artId), CancellationToken.None);
        Assert.All(stored.Where(i => i.IsOpen), i => Assert.Equal(("PI 2027.2", "PI 2027.1"), (i.TargetPi, i.CarriedFromPi)));
        Assert.Null(stored.Single(i => i.Id == finished.Id).TargetPi);
        Assert.Contains(await _ia.Improvements.GetHistoryAsync(_ia.Scope(artId), owned.Id, CancellationToken.None),
            h => h.Field == ImprovementField.CarriedOver && h.To == "PI 2027.2");

        // Called again (a retry, or a second instance): nothing changes, nothing is posted twice.
        var again = await carryOver.OnPiChangedAsync(art, art.CurrentPi, next);
        Assert.Equal(new CarryOverResult(0, false, 0), again);
        Assert.Single(bot.Connector.Requests, r => _ia.IsMine(r) && r.AllText.Contains("carried into PI 2027.2", StringComparison.Ordinal));

        // The ART is now in PI 2027.2; its next workshop opens with these items and their outcomes.
        var moved = await bot.Services.GetRequiredService<IArtStore>().GetAsync(WorkshopDriver.TenantId, artId, CancellationToken.None);
        Assert.NotNull(await bot.Services.GetRequiredService<IArtStore>().UpdateAsync(moved! with { CurrentPi = next }, CancellationToken.None));
        var (_, posted) = await _ia.StartAsync(userAad: "rte-aad", userName: "Riley RTE");
        var text = posted.AllText;
        Assert.Contains("Inspect & Adapt \u00b7 PI 2027.2", text, StringComparison.Ordinal);
        Assert.Contains("Last PI's improvement items", text, StringComparison.Ordinal);
        Assert.Contains("**Open and owned** \u00b7 Proposed \u00b7 owner", text, StringComparison.Ordinal);
        Assert.Contains("carried over from PI 2027.1", text, StringComparison.Ordinal);
        Assert.Contains("Outcome: Half the wait", text, StringComparison.Ordinal);
        Assert.Contains("**Finished** \u00b7 Done", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Last PI's improvement items", StringComparison.Ordinal) < text.IndexOf("Problems (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Carry_over_for_an_unchanged_pi_does_nothing()
    {
        var art = NewArt("art-" + Guid.NewGuid().ToString("N")[..8]);

        var result = await bot.Services.GetRequiredService<ImprovementCarryOver>().OnPiChangedAsync(art, art.CurrentPi, art.CurrentPi!);

        Assert.Equal(CarryOverResult.None, result);
    }

    [Fact]
    public async Task Pi_start_by_the_rte_carries_the_open_items_into_the_new_pi_through_the_listener()
    {
        var artId = "art-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await bot.Services.GetRequiredService<IArtStore>().CreateAsync(NewArt(artId), CancellationToken.None));
        var item = (await ItemsFromWorkshopAsync(artId, "rte-aad", "Carried by pi start"))[0];

        await _ia.CommandAsync("pi start PI 2027.2 2027-03-15 2027-05-21", "rte-aad", "Riley RTE");

        await bot.Connector.WaitForAsync(r => r.Method == "POST" && _ia.IsMine(r) && r.AllText.Contains("carried into PI 2027.2", StringComparison.Ordinal));
        var stored = (await _ia.Improvements.GetAsync(_ia.Scope(artId), item.Id, CancellationToken.None))!;
        Assert.Equal(("PI 2027.2", "PI 2027.1"), (stored.TargetPi, stored.CarriedFromPi));
    }
}
